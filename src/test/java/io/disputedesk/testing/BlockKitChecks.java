package io.disputedesk.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.slack.BlockLimits;

/** Asserts that Block Kit JSON stays within Slack's limits (shared/slack/LIMITS.md). */
public final class BlockKitChecks {
  private BlockKitChecks() {}

  /** Checks a message's fallback text and blocks. */
  public static void assertMessageWithinLimits(String text, JsonNode blocks) {
    assertThat(text)
        .as("fallback text")
        .isNotBlank()
        .hasSizeLessThanOrEqualTo(BlockLimits.MESSAGE_TEXT);
    if (blocks == null) {
      return;
    }
    assertThat(blocks.isArray()).isTrue();
    assertThat(blocks.size()).as("blocks").isBetween(1, BlockLimits.MESSAGE_BLOCKS);
    blocks.forEach(BlockKitChecks::block);
  }

  private static void block(JsonNode block) {
    if (block.has("block_id")) {
      assertThat(block.get("block_id").asText()).hasSizeLessThanOrEqualTo(BlockLimits.BLOCK_ID);
    }
    switch (block.path("type").asText()) {
      case "header" -> text(block.get("text"), BlockLimits.HEADER_TEXT, "plain_text");
      case "section" -> {
        assertThat(block.has("text") || block.has("fields"))
            .as("section has text or fields")
            .isTrue();
        if (block.has("text")) {
          text(block.get("text"), BlockLimits.SECTION_TEXT, null);
        }
        if (block.has("fields")) {
          assertThat(block.get("fields").size()).isBetween(1, BlockLimits.SECTION_FIELDS);
          block.get("fields").forEach(f -> text(f, BlockLimits.FIELD_TEXT, null));
        }
      }
      case "context" -> {
        assertThat(block.get("elements").size()).isBetween(1, BlockLimits.CONTEXT_ELEMENTS);
        block.get("elements").forEach(e -> text(e, BlockLimits.SECTION_TEXT, null));
      }
      case "actions" -> {
        assertThat(block.get("elements").size()).isBetween(1, BlockLimits.ACTIONS_ELEMENTS);
        block.get("elements").forEach(BlockKitChecks::element);
      }
      case "divider" -> {}
      default -> throw new AssertionError("unexpected block type " + block.path("type").asText());
    }
  }

  private static void element(JsonNode e) {
    assertThat(e.path("action_id").asText())
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(BlockLimits.ACTION_ID);
    switch (e.path("type").asText()) {
      case "button" -> {
        text(e.get("text"), BlockLimits.BUTTON_TEXT, "plain_text");
        if (e.has("value")) {
          assertThat(e.get("value").asText()).hasSizeLessThanOrEqualTo(BlockLimits.BUTTON_VALUE);
        }
        if (e.has("url")) {
          assertThat(e.get("url").asText())
              .startsWith("https://")
              .hasSizeLessThanOrEqualTo(BlockLimits.BUTTON_URL);
        }
        if (e.has("style")) {
          assertThat(e.get("style").asText()).isIn("primary", "danger");
        }
        if (e.has("confirm")) {
          JsonNode c = e.get("confirm");
          text(c.get("title"), BlockLimits.CONFIRM_TITLE, "plain_text");
          text(c.get("text"), BlockLimits.CONFIRM_TEXT, null);
          text(c.get("confirm"), BlockLimits.CONFIRM_BUTTON, "plain_text");
          text(c.get("deny"), BlockLimits.CONFIRM_BUTTON, "plain_text");
        }
      }
      case "overflow" -> {
        assertThat(e.get("options").size()).isBetween(2, BlockLimits.OVERFLOW_OPTIONS);
        e.get("options")
            .forEach(
                o -> {
                  text(o.get("text"), BlockLimits.OPTION_TEXT, "plain_text");
                  assertThat(o.get("value").asText())
                      .isNotEmpty()
                      .hasSizeLessThanOrEqualTo(BlockLimits.OPTION_VALUE);
                });
      }
      default -> throw new AssertionError("unexpected element type " + e.path("type").asText());
    }
  }

  private static void text(JsonNode text, int max, String requiredType) {
    assertThat(text).as("text object").isNotNull();
    String type = text.path("type").asText();
    assertThat(type).isIn("plain_text", "mrkdwn");
    if (requiredType != null) {
      assertThat(type).isEqualTo(requiredType);
    }
    assertThat(text.path("text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(max);
  }
}
