package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rules on two replicas sharing one PostgreSQL database: both see the same deadlines after every
 * poll, and the same webhook at once, and a replica restarts; each rule still acts once per dispute
 * and trigger, in Slack and at PayPal.
 */
@OnPostgres
class RuleReplicasTest {
  static final String OWNER = "U0OWNER001";
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.deferred(Replicas.options());

  private BotDesk desk;

  @BeforeEach
  void start(TestDatabase database) {
    desk = bot.startOn(database.url());
    desk.with("APPROVERS", OWNER)
        .with(
            "RULES",
            "[{name: nudge, owner: "
                + OWNER
                + ", trigger: due within 48h,"
                + " mode: on, actions: [{message: 'Hello {buyer_name}, we answer before {due_date}.'}, {mention: "
                + Replicas.AGENT
                + "}]}, {name: welcome, owner: "
                + OWNER
                + ", trigger: new dispute,"
                + " actions: [{assign: "
                + Replicas.AGENT
                + "}]}]");
  }

  private String dueSoon() {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount("30.00", "USD")
            .sellerDueDate(Instant.now().plus(Duration.ofHours(30)))
            .build());
  }

  private static long count(RunningApp app, String sql) {
    return TestDatabases.count(app.database(), sql);
  }

  private List<String> notes(String disputeId, String rule) {
    return desk.replies(disputeId).stream()
        .map(SlackMessage::text)
        .filter(t -> t.contains("rule *" + rule + "*"))
        .toList();
  }

  @Test
  void eachRuleActsOncePerDisputeAndTriggerWhateverBothReplicasSeeAndAcrossARestart()
      throws Exception {
    RunningApp a = desk.replica(BotDesk.fast());
    RunningApp b = desk.replica(BotDesk.fast());
    Replicas.pollBoth(a, b);
    List<String> ids = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      ids.add(dueSoon());
      Replicas.pollBoth(a, b);
    }
    // A new dispute's webhook reaches both replicas behind the load balancer at the same moment.
    String viaWebhook = dueSoon();
    ids.add(viaWebhook);
    assertThat(
            desk.sim.sendWebhook(
                Replicas.webhookFrontDoor(desk, a, b), "CUSTOMER.DISPUTE.CREATED", viaWebhook))
        .isEqualTo(200);
    Replicas.pollBoth(a, b);

    a.close();
    RunningApp c = desk.replica(BotDesk.fast());
    Replicas.pollBoth(b, c);
    Replicas.pollBoth(b, c);

    long expected = ids.size() * 2L;
    Await.until(
        "every rule run to finish",
        () -> count(b, "SELECT COUNT(*) FROM rule_runs WHERE status = 'DONE'") == expected,
        Replicas.WAIT);
    Replicas.awaitQuiet(b);
    Replicas.awaitQuiet(c);
    assertThat(count(b, "SELECT COUNT(*) FROM rule_runs")).isEqualTo(expected);
    assertThat(desk.sim.count("send-message")).as("one message per dispute").isEqualTo(ids.size());
    for (String id : ids) {
      // The ledger's report of the message, the mention, and the rule's own note.
      assertThat(notes(id, "nudge"))
          .as("nudge notes of " + id)
          .hasSize(3)
          .anySatisfy(t -> assertThat(t).startsWith(":gear: By rule *nudge*"))
          .anySatisfy(t -> assertThat(t).startsWith("<@" + Replicas.AGENT + ">: rule *nudge*"))
          .anySatisfy(
              t -> assertThat(t).startsWith(":white_check_mark: *Send message* by rule *nudge*"));
      assertThat(notes(id, "welcome"))
          .as("dry-run notes of " + id)
          .singleElement()
          .satisfies(
              t -> assertThat(t).contains("Dry run", "assigned it to <@" + Replicas.AGENT + ">"));
    }
  }

  @Test
  void triggersAReplicaCommittedBeforeItStoppedRunOnceOnTheReplicasThatGoOn() throws Exception {
    RunningApp a = desk.replica(BotDesk.fast());
    RunningApp b = desk.replica(BotDesk.fast());
    Replicas.pollBoth(a, b);
    // Replica a's rules stop as at a stop, right after its sync commits the new disputes.
    a.stopOnly("rules");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          desk.sim.createDispute(
              SimDisputeSpec.builder()
                  .stage(SimStage.INQUIRY)
                  .amount("30.00", "USD")
                  .sellerDueDate(Instant.now().plus(Duration.ofDays(10)))
                  .build()));
    }
    assertThat(a.pollNow().ok()).isTrue();
    Replicas.awaitQuiet(a);
    ids.forEach(desk::onlyCard);
    assertThat(count(a, "SELECT COUNT(*) FROM rule_triggers WHERE done_at IS NULL"))
        .isEqualTo(ids.size());
    assertThat(count(a, "SELECT COUNT(*) FROM rule_runs")).isZero();

    a.close();
    // A replica starting (which looks at once) and two replicas polling at the same moment all find
    // them.
    RunningApp c = desk.replica(BotDesk.fast());
    Replicas.pollBoth(b, c);
    Replicas.pollBoth(b, c);

    Await.until(
        "the rule on every dispute",
        () -> count(b, "SELECT COUNT(*) FROM rule_runs WHERE status = 'DONE'") == ids.size(),
        Replicas.WAIT);
    Await.until(
        "every trigger done",
        () -> count(b, "SELECT COUNT(*) FROM rule_triggers WHERE done_at IS NULL") == 0,
        Replicas.WAIT);
    Replicas.awaitQuiet(b);
    Replicas.awaitQuiet(c);
    assertThat(count(b, "SELECT COUNT(*) FROM rule_runs")).isEqualTo(ids.size());
    for (String id : ids) {
      assertThat(notes(id, "welcome"))
          .as("dry-run notes of " + id)
          .singleElement()
          .satisfies(
              t -> assertThat(t).contains("Dry run", "assigned it to <@" + Replicas.AGENT + ">"));
    }
  }
}
