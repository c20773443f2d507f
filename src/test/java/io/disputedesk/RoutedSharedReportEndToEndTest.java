package io.disputedesk;

import static io.disputedesk.testing.People.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.slack.UploadedFile;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SlashCommands;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two PayPal accounts, brand B's disputes routed to its own channel: {@code /disputes report …
 * share} posts in each channel the figures of the disputes routed there only (as its weekly
 * report), and a shared {@code list} or {@code stats} shows only those disputes too, while answers
 * to the caller alone still count every dispute.
 */
class RoutedSharedReportEndToEndTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final String BRAND_B = "C0BRANDB01";

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

  private DeskDriver twoAccountsOneRoute() {
    BotDesk core = bot.desk();
    core.slack.addChannel(BRAND_B, "brand-b");
    core.sim.addApp("BRANDB00001", "brand-b-id", "brand-b-secret", null);
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
