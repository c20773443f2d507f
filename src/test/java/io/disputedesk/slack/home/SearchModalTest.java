package io.disputedesk.slack.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.paypal.DisputeReason;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.slack.BlockLimits;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Permalinks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every view of the Home tab's search stays inside Slack's modal limits, the longest ones too. */
class SearchModalTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  private final SearchModal modal =
      new SearchModal(
          new DisputeLines(
              new Permalinks(() -> Optional.of("https://acme-payments.slack.com/")), true));

  @Test
  void formResultsNoMatchAndRefusalAreWithinSlacksModalLimits() {
    String longest = "<&>".repeat(33) + "x";
    List<DisputeLine> found = new ArrayList<>();
    for (int i = 0; i < SearchModal.SHOWN + 5; i++) {
      found.add(line(String.format("PP-D-%059d", i)));
    }

    checkLimits(modal.form(), true);
    JsonNode results = modal.results(longest, found, 12_345, NOW);
    checkLimits(results, true);
    checkLimits(modal.results(longest, List.of(), 0, NOW), true);
    checkLimits(modal.refused(":lock: " + "n".repeat(2000)), false);

    assertThat(sections(results)).hasSize(SearchModal.SHOWN);
    assertThat(results.path("blocks").get(1).path("elements").get(0).path("text").asText())
        .endsWith(" · showing 45 of 12345; narrow the search")
        .doesNotContain("<&>");
  }

  @Test
  void searchingAndFailureViewsAreWithinSlacksModalLimits() {
    String longest = "<&>".repeat(33) + "x";

    JsonNode searching = modal.searching(longest);
    checkLimits(searching, false);
    assertThat(sections(searching))
        .singleElement()
        .asString()
        .startsWith(":hourglass_flowing_sand: *Searching…* for “&lt;&amp;&gt;")
        .doesNotContain("<&>");
    JsonNode failed = modal.failed(longest);
    checkLimits(failed, true);
    assertThat(sections(failed)).singleElement().asString().contains("it has been logged");
  }

  private static DisputeLine line(String id) {
    return new DisputeLine(
        id,
        DisputeReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED,
        DisputeStatus.WAITING_FOR_SELLER_RESPONSE,
        LifecycleStage.PRE_ARBITRATION,
        Money.of("123456789.99", "USD"),
        NOW.minus(Duration.ofDays(2)),
        NOW.plus(Duration.ofHours(5)),
        null,
        NOW.minus(Duration.ofDays(2)),
        null,
        null,
        null,
        null,
        "U0A1B2C3E",
        "C0A1B2C3F",
        "1763632800.000100",
        "a-very-long-account-name-" + "z".repeat(40),
        null);
  }

  private static List<String> sections(JsonNode view) {
    List<String> texts = new ArrayList<>();
    view.path("blocks")
        .forEach(
            b -> {
              if (b.path("type").asText().equals("section")) {
                texts.add(b.path("text").path("text").asText());
              }
            });
    return texts;
  }

  private static void checkLimits(JsonNode view, boolean submits) {
    String where = view.toString().substring(0, Math.min(200, view.toString().length()));
    assertThat(view.path("type").asText()).isEqualTo("modal");
    assertThat(view.path("callback_id").asText()).isEqualTo("dd_view_search");
    assertThat(view.path("title").path("text").asText().length()).as(where).isBetween(1, 24);
    assertThat(view.path("close").path("text").asText().length()).as(where).isBetween(1, 24);
    if (submits) {
      assertThat(view.path("submit").path("text").asText().length()).as(where).isBetween(1, 24);
    } else {
      assertThat(view.has("submit")).as(where).isFalse();
    }
    JsonNode blocks = view.path("blocks");
    assertThat(blocks.size()).as(where).isBetween(1, BlockLimits.VIEW_BLOCKS);
    assertThat(view.toString().length()).as(where).isLessThan(250_000);
    Set<String> blockIds = new HashSet<>();
    for (JsonNode block : blocks) {
      if (block.has("block_id")) {
        assertThat(blockIds.add(block.path("block_id").asText())).as(where).isTrue();
      }
      switch (block.path("type").asText()) {
        case "header" ->
            assertThat(block.path("text").path("text").asText().length())
                .isBetween(1, BlockLimits.HEADER_TEXT);
        case "section" ->
            assertThat(block.path("text").path("text").asText().length())
                .isBetween(1, BlockLimits.SECTION_TEXT);
        case "context" ->
            block
                .path("elements")
                .forEach(
                    e ->
                        assertThat(e.path("text").asText().length())
                            .isBetween(1, BlockLimits.SECTION_TEXT));
        case "input" -> {
          assertThat(block.path("label").path("text").asText().length()).isBetween(1, 2000);
          assertThat(block.path("element").path("action_id").asText())
              .isEqualTo(block.path("block_id").asText());
          assertThat(block.path("element").path("initial_value").asText("").length())
              .isLessThanOrEqualTo(block.path("element").path("max_length").asInt());
        }
        case "divider" -> {}
        default -> throw new AssertionError("unexpected block " + block);
      }
    }
  }
}
