package io.disputedesk;

import static io.disputedesk.testing.People.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.slack.UploadedFile;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.commands.ListBuilder;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlashCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two PayPal accounts, brand B's disputes routed to its own channel: {@code /disputes report …
 * share} posts in each channel the figures of the disputes routed there only (as its weekly
 * report), and a shared {@code list} or {@code stats} shows only those disputes too, while answers
 * to the caller alone still count every dispute; the shared list's "more" pages keep to its
 * channel.
 */
class RoutedSharedReportEndToEndTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final String BRAND_B = "C0BRANDB01";
  private static final Pattern DISPUTE_ID = Pattern.compile("PP-D-[AB]\\d{3}");

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forHomeAt(NOW).replicas(0));

  @Test
  void aSharedReportCountsOnlyTheDisputesRoutedToItsChannel() {
    DeskDriver desk = twoAccountsOneRoute();
    SlashCommands slash = new SlashCommands(desk);
    Instant created = NOW.minus(Duration.ofDays(5));
    Instant resolved = NOW.minus(Duration.ofDays(2));
    desk.seeds.dispute("PP-D-A001").amount("20.00", "USD").created(created).store();
    desk.seeds
        .dispute("PP-D-A002")
        .amount("25.00", "USD")
        .created(created)
        .resolved("RESOLVED_SELLER_FAVOUR", null, resolved)
        .store();
    desk.seeds
        .dispute("PP-D-B001")
        .account("brand-b")
        .amount("30.00", "EUR")
        .created(created)
        .resolved("RESOLVED_SELLER_FAVOUR", null, resolved)
        .store();

    assertThat(
            slash
                .answer(slash.command("report 30d share", ALICE, "alice", BRAND_B))
                .path("text")
                .asText())
        .contains("Posted", "It counts only the disputes routed to this channel.");
    assertThat(post(desk, BRAND_B).initialComment())
        .contains("1 opened · 1 resolved", "Recovered 30.00 EUR")
        .endsWith("Counts only the disputes routed to this channel: account:brand-b.")
        .doesNotContain("USD");

    slash.answer(slash.command("report 30d share", ALICE, "alice", DeskDriver.CHANNEL));
    assertThat(post(desk, DeskDriver.CHANNEL).initialComment())
        .contains("2 opened · 1 resolved", "Recovered 25.00 USD")
        .endsWith("Counts only the disputes routed to this channel: what no route takes.")
        .doesNotContain("EUR");

    // Unshared, the caller sees what their role allows, as before: every dispute.
    slash.answer(slash.command("report 30d", ALICE, "alice", BRAND_B));
    assertThat(post(desk, "D" + ALICE.substring(1)).initialComment())
        .contains("3 opened · 2 resolved", "EUR", "USD")
        .doesNotContain("Counts only");
  }

  @Test
  void aSharedListOrStatsShowsOnlyTheDisputesRoutedToItsChannel() {
    DeskDriver desk = twoAccountsOneRoute();
    SlashCommands slash = new SlashCommands(desk);
    Instant created = NOW.minus(Duration.ofDays(5));
    desk.seeds.dispute("PP-D-A001").amount("20.00", "USD").created(created).store();
    desk.seeds
        .dispute("PP-D-B001")
        .account("brand-b")
        .amount("30.00", "EUR")
        .created(created)
        .store();
    desk.seeds
        .dispute("PP-D-B002")
        .account("brand-b")
        .amount("35.00", "EUR")
        .created(created)
        .resolved("RESOLVED_SELLER_FAVOUR", null, NOW.minus(Duration.ofDays(2)))
        .store();

    String inB = slash.answer(slash.command("list share", ALICE, "alice", BRAND_B)).toString();
    assertThat(inB)
        .contains("PP-D-B001", "Counts only the disputes routed to this channel: account:brand-b.")
        .doesNotContain("PP-D-A001");
    String inMain =
        slash.answer(slash.command("list share", ALICE, "alice", DeskDriver.CHANNEL)).toString();
    assertThat(inMain)
        .contains(
            "PP-D-A001", "Counts only the disputes routed to this channel: what no route takes.")
        .doesNotContain("PP-D-B001");

    assertThat(
            slash
                .answer(slash.command("stats share", ALICE, "alice", BRAND_B))
                .path("text")
                .asText())
        .startsWith("Dispute stats, last 30 days: 2 opened, 1 resolved, 1 open now")
        .endsWith("(Counts only the disputes routed to this channel: account:brand-b.)");
    String statsInMain =
        slash.answer(slash.command("stats share", ALICE, "alice", DeskDriver.CHANNEL)).toString();
    assertThat(statsInMain)
        .contains("1 opened, 0 resolved, 1 open now", "USD", "what no route takes")
        .doesNotContain("EUR");

    // Unshared, the caller sees every dispute, as before.
    String mine = slash.answer(slash.command("list", ALICE, "alice", BRAND_B)).toString();
    assertThat(mine).contains("PP-D-A001", "PP-D-B001").doesNotContain("Counts only");
    assertThat(slash.answer(slash.command("stats", ALICE, "alice", BRAND_B)).toString())
        .contains("3 opened, 1 resolved, 2 open now", "USD", "EUR")
        .doesNotContain("Counts only");
  }

  @Test
  void aSharedListsMorePagesKeepShowingOnlyTheDisputesRoutedToItsChannel() {
    DeskDriver desk = twoAccountsOneRoute();
    SlashCommands slash = new SlashCommands(desk);
    int each = ListBuilder.PAGE_SIZE + 5;
    // Both accounts' deadlines interleave, so an unscoped page would mix them.
    for (int i = 0; i < each; i++) {
      desk.seeds
          .dispute(String.format("PP-D-A%03d", i))
          .amount("20.00", "USD")
          .sellerDue(NOW.plus(Duration.ofHours(100 + 2 * i)))
          .store();
      desk.seeds
          .dispute(String.format("PP-D-B%03d", i))
          .account("brand-b")
          .amount("30.00", "EUR")
          .sellerDue(NOW.plus(Duration.ofHours(101 + 2 * i)))
          .store();
    }

    for (String channel : List.of(BRAND_B, DeskDriver.CHANNEL)) {
      String routedHere = channel.equals(BRAND_B) ? "PP-D-B" : "PP-D-A";
      String routedElsewhere = channel.equals(BRAND_B) ? "PP-D-A" : "PP-D-B";
      JsonNode first = slash.answer(slash.command("list share", ALICE, "alice", channel));
      assertThat(first.path("response_type").asText()).isEqualTo("in_channel");
      assertThat(first.path("text").asText()).startsWith("Open disputes: " + each + " disputes");
      JsonNode button = moreButton(first);
      assertThat(button.path("text").path("text").asText()).isEqualTo("Show 5 more (5 left)");

      String hook = slash.newHook();
      desk.send(
          SlackRequests.blockAction(Ids.LIST_MORE)
              .value(button.path("value").asText())
              .user(ALICE, "alice")
              .inMessage(channel, "1763632900.000200", hook)
              .body());
      JsonNode second = slash.answerAt(hook);

      List<String> firstIds = disputeIds(first);
      List<String> secondIds = disputeIds(second);
      assertThat(firstIds).hasSize(ListBuilder.PAGE_SIZE);
      assertThat(secondIds).hasSize(5).allMatch(id -> id.startsWith(routedHere));
      assertThat(second.toString())
          .doesNotContain(routedElsewhere, Ids.LIST_MORE)
          .contains("showing 41–45", "Counts only the disputes routed to this channel");
      List<String> all = new ArrayList<>(firstIds);
      all.addAll(secondIds);
      assertThat(all)
          .as("every dispute routed to %s exactly once across the pages", channel)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, each)
                  .mapToObj(i -> String.format("%s%03d", routedHere, i))
                  .toList());
    }
  }

  private static JsonNode moreButton(JsonNode answer) {
    for (JsonNode block : answer.path("blocks")) {
      JsonNode element = block.path("elements").path(0);
      if (Ids.LIST_MORE.equals(element.path("action_id").asText())) {
        return element;
      }
    }
    throw new AssertionError("no more button in " + answer);
  }

  /** The dispute ids of the answer's lines, in order. */
  private static List<String> disputeIds(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    for (JsonNode block : answer.path("blocks")) {
      if ("section".equals(block.path("type").asText())) {
        Matcher m = DISPUTE_ID.matcher(block.path("text").path("text").asText());
        assertThat(m.find()).as("a dispute id in %s", block).isTrue();
        ids.add(m.group());
      }
    }
    return ids;
  }

  private DeskDriver twoAccountsOneRoute() {
    BotDesk core = bot.desk();
    core.slack.addChannel(BRAND_B, "brand-b");
    core.sim.accounts().addApp("BRANDB00001", "brand-b-id", "brand-b-secret", null);
    core.withBrandBRoutedTo(BRAND_B);
    return DeskDriver.on(core, core.start());
  }

  private static UploadedFile post(DeskDriver desk, String channel) {
    return desk.slack.uploadedFiles().stream()
        .filter(f -> channel.equals(f.channel()))
        .reduce((first, second) -> second)
        .orElseThrow();
  }
}
