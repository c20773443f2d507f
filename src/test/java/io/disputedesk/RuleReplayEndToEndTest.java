package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.sim.SimChannel;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStage;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /disputes rules test <name> [30d]} over a seeded history: how many disputes the rule
 * takes, what each action would have done, what it would have refunded per currency, beside what
 * people did and how the disputes ended; nothing is done.
 */
class RuleReplayEndToEndTest {
  static final String OWNER = "U0OWNER001";
  static final String AGENT = "U0A1B2C3N";

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private Channels slack;
  private String lost;
  private String small;
  private String won;

  @BeforeEach
  void seed() {
    desk = bot.desk();
    slack = new Channels(desk.slack);
    desk.with("APPROVERS", OWNER)
        .with("AGENTS", "S0A1B2C3P," + AGENT)
        .with("APPROVAL_THRESHOLD", "USD:7")
        .with(
            "RULES",
            "[{name: small-inr, owner: "
                + OWNER
                + ", trigger: new dispute, when: inr,"
                + " actions: [{assign: round-robin S0A1B2C3P}, {accept: 10 USD}]}]")
        .start();
    desk.pollAndSettle();
    lost = inr("8.00", "USD", 5);
    small = inr("6.00", "USD", 10);
    won = inr("25.00", "USD", 3);
    inr("4.00", "EUR", 12);
    inr("9.00", "USD", 40);
    desk.sim.createDispute(
        SimDisputeSpec.builder()
            .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
            .amount("7.00", "USD")
            .createTime(ago(4))
            .build());
    desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.CHARGEBACK)
            .channel(SimChannel.EXTERNAL)
            .amount("5.00", "USD")
            .createTime(ago(2))
            .build());
    desk.pollAndSettle();
    desk.sim.resolve(lost, SimOutcome.RESOLVED_BUYER_FAVOUR, new BigDecimal("8.00"));
    desk.sim.resolve(won, SimOutcome.RESOLVED_SELLER_FAVOUR, null);
    desk.pollAndSettle();
    // The rule runs on the new disputes after the polls, on its own pool: over before any counting.
    desk.settle();
    // What people did, as the audit log has it.
    AuditLog audit = new AuditLog(desk.app().database());
    audit.append(
        new AuditEntry(Instant.now(), AGENT, small, "ASSIGN", "to " + AGENT, "DONE", null, null));
    audit.append(
        new AuditEntry(Instant.now(), AGENT, won, "ASSIGN", "to " + AGENT, "DONE", null, null));
    audit.append(
        new AuditEntry(
            Instant.now(), AGENT, won, "PROVIDE_EVIDENCE", "#90 proof", "SUCCEEDED", null, null));
    audit.append(
        new AuditEntry(
            Instant.now(), AGENT, small, "SEND_MESSAGE", "#91 hello", "FAILED", null, null));
  }

  private String inr(String amount, String currency, int daysAgo) {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
            .stage(SimStage.INQUIRY)
            .amount(amount, currency)
            .createTime(ago(daysAgo))
            .build());
  }

  private static Instant ago(int days) {
    return Instant.now().minus(Duration.ofDays(days)).minus(Duration.ofHours(1));
  }

  private String test(String args) {
    return slack
        .command(desk.app(), "test-signing-secret", "rules test " + args, AGENT, BotDesk.CHANNEL)
        .path("text")
        .asText();
  }

  @Test
  void aReplayCountsTheDisputesActionsAndRefundsBesideWhatPeopleDidAndDoesNothing() {
    long runsBefore = TestDatabases.count(desk.app().database(), "SELECT COUNT(*) FROM rule_runs");
    String month = test("small-inr");

    assertThat(month)
        .contains(
            "*Replay of rule small-inr* over the last 30 days",
            "• Matches *5* disputes (5 triggers).\n"
                + "• The filter is checked against each dispute as it is today.\n",
            "• Would have: assign 5 · accept 1 (+1 for a second approver), skipped 3",
            "accept: 25.00 USD is above the rule's limit of 10.00 USD",
            "accept: the rule has no limit for EUR (its limits: 10.00 USD)",
            "accept: it is a chargeback or in pre-arbitration",
            "• Would have refunded: *6.00 USD* (and *8.00 USD* more after a second approver's yes)",
            "• What people did on them (audit log): assign 2 · provide evidence 1",
            "• How they ended: 1 lost, 1 won, 3 still open; PayPal refunded *8.00 USD*.");

    assertThat(test("small-inr 60d"))
        .contains(
            "over the last 60 days",
            "• Matches *6* disputes",
            "accept 1 (+2 for a second approver), skipped 3",
            "• Would have refunded: *6.00 USD* (and *17.00 USD* more after a second approver's yes)",
            "1 lost, 1 won, 4 still open");
    assertThat(test("nonesuch")).contains("There is no rule named “nonesuch”. Rules: `small-inr`.");
    assertThat(test("small-inr forever")).contains("is not a period");

    assertThat(TestDatabases.count(desk.app().database(), "SELECT COUNT(*) FROM rule_runs"))
        .isEqualTo(runsBefore);
    assertThat(desk.sim.count("accept-claim")).isZero();
  }
}
