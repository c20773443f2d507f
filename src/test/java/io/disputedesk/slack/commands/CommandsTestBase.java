package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.HomeWatchers;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlashCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A desk seeded with three open disputes (one assigned to Alice, with its card) and one resolved.
 */
abstract class CommandsTestBase {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forHomeAt(NOW));

  DeskDriver desk;
  SlashCommands slash;
  HomeWatchers watchers;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    slash = new SlashCommands(desk);
    watchers = new HomeWatchers(desk);
    desk.seeds
        .dispute("PP-D-1001")
        .amount("120.00", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(20)))
        .store();
    desk.seeds
        .dispute("PP-D-1002")
        .reason("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED")
        .amount("35.50", "EUR")
        .sellerDue(NOW.plus(HOUR.multipliedBy(60)))
        .store();
    desk.seeds
        .dispute("PP-D-1003")
        .reason("UNAUTHORISED")
        .amount("9.99", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(200)))
        .store();
    desk.seeds
        .dispute("PP-D-0900")
        .amount("80.00", "USD")
        .sellerDue(NOW.minus(Duration.ofDays(9)))
        .created(NOW.minus(Duration.ofDays(12)))
        .resolved("RESOLVED_SELLER_FAVOUR", null, NOW.minus(Duration.ofDays(2)))
        .store();
    desk.owners.assign("PP-D-1001", ALICE, BOB);
    desk.cards.save("PP-D-1001", DeskDriver.CHANNEL, "1763632800.000100", NOW);
  }

  final String ackText(String text) {
    SignedPost.Reply ack = slash.command(text).ack();
    assertThat(ack.status()).isEqualTo(200);
    JsonNode body = json(ack.body());
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    return body.path("text").asText();
  }

  final JsonNode json(String body) {
    try {
      return desk.mapper.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  static String blocksText(JsonNode body) {
    return body.path("blocks").toString();
  }

  /** The texts of the section blocks, in order. */
  static List<String> sectionTexts(JsonNode answer) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : answer.path("blocks")) {
      if ("section".equals(block.path("type").asText())) {
        texts.add(block.path("text").path("text").asText());
      }
    }
    return texts;
  }
}
