package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.BeginResult;
import io.disputedesk.dispute.NewAction;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Money;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimOutcome;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.Ids;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An action whose outcome the bot could not prove stays UNKNOWN and blocks its kind on the dispute;
 * someone who checked PayPal settles it from the thread report ("It happened" / "It did not
 * happen"): approvers for money actions, agents otherwise, once, audited, and nothing sent.
 */
class CheckedInPayPalTest {
  private static final Duration LEASE = Duration.ofMinutes(31);

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  String id;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("40.00", "USD"));
    desk.stopApp();
  }

  /** A row a run left UNKNOWN before it stopped. */
  private Action unproven(ActionRequest request, Money amount, String intent) throws Exception {
    BeginResult begun =
        desk.actions.begin(
            new NewAction(
                id,
                request.action(),
                intent,
                CAROL,
                ActionStatus.IN_FLIGHT,
                amount,
                desk.mapper.writeValueAsString(request)),
            desk.clock.instant().plus(LEASE));
    Action action = ((BeginResult.Started) begun).action();
    desk.actions.transition(
        action.id(), ActionStatus.IN_FLIGHT, ActionStatus.UNKNOWN, "no answer", null, null);
    return action;
  }

  private SlackMessage report(long actionId) {
    Await.until("the unproven report with its buttons", () -> reportOf(actionId).isPresent());
    return reportOf(actionId).orElseThrow();
  }

  private Optional<SlackMessage> reportOf(long actionId) {
    return desk.thread(id).stream()
        .filter(
            m ->
                m.blocks() != null
                    && m.blocks().toString().contains(Ids.CHECKED_NOT_HAPPENED)
                    && m.blocks().toString().contains("\"value\":\"" + actionId + "\""))
        .findFirst();
  }

  @Test
  void anAgentWhoCheckedPayPalSaysItDidNotHappenAndTheActionCanBeTriedAgain() throws Exception {
    Action escalate =
        unproven(new ActionRequest.Escalate("Please decide."), null, "crash:" + UUID.randomUUID());
    desk.sim.buyerEscalates(id);
    desk.clock.advance(Duration.ofMinutes(5));
    desk.start();
    SlackMessage report = report(escalate.id());
    assertThat(report.text()).contains("can't tell whether it went through");
    assertThat(report.blocks().toString())
        .contains("Checked in PayPal?", "It happened", "It did not happen", "can be tried again");
    BeginResult blocked =
        desk.actions.begin(
            new NewAction(
                id,
                escalate.kind(),
                "retry-before",
                CAROL,
                ActionStatus.IN_FLIGHT,
                null,
                escalate.requestJson()),
            desk.clock.instant().plus(LEASE));
    assertThat(blocked).isInstanceOf(BeginResult.AlreadyOpen.class);

    desk.clickInThread(Ids.CHECKED_NOT_HAPPENED, Long.toString(escalate.id()), CAROL, report.ts());

    Action settled = desk.awaitAction(id, escalate.kind(), ActionStatus.FAILED);
    assertThat(settled.id()).isEqualTo(escalate.id());
    assertThat(settled.outcome()).isEqualTo("not done: checked in PayPal by " + CAROL);
    assertThat(desk.awaitThread(id, "checked in PayPal: it did not go through"))
        .contains("<@" + CAROL + ">");
    Await.until(
        "the report loses its buttons",
        () ->
            desk.thread(id).stream()
                .filter(m -> m.ts().equals(report.ts()))
                .allMatch(
                    m ->
                        m.blocks() == null
                            || !m.blocks().toString().contains(Ids.CHECKED_HAPPENED)));
    assertThat(desk.thread(id))
        .filteredOn(m -> m.ts().equals(report.ts()))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.text())
                    .contains("<@" + CAROL + "> checked in PayPal: it did not happen"));
    assertThat(desk.auditOf(id))
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo("FAILED");
              assertThat(e.userId()).isEqualTo(CAROL);
              assertThat(e.detail()).contains("settled by hand");
            });
    BeginResult retry =
        desk.actions.begin(
            new NewAction(
                id,
                escalate.kind(),
                "retry-after",
                CAROL,
                ActionStatus.IN_FLIGHT,
                null,
                escalate.requestJson()),
            desk.clock.instant().plus(LEASE));
    assertThat(retry).isInstanceOf(BeginResult.Started.class);
    assertThat(desk.sim.count("escalate")).isZero();
  }

  @Test
  void aSettlingThatCannotBeRecordedWithItsNoteLeavesTheActionToBeSettled() throws Exception {
    Action escalate =
        unproven(new ActionRequest.Escalate("Please decide."), null, "crash:" + UUID.randomUUID());
    desk.sim.buyerEscalates(id);
    desk.clock.advance(Duration.ofMinutes(5));
    desk.start();
    SlackMessage report = report(escalate.id());
    // The database refuses the audit of the settling, as if it failed right after the action was
    // recorded settled. (This class runs on SQLite.)
    TestDatabases.refuse(
        desk.db,
        "refuse_settling",
        "BEFORE INSERT ON audit_log",
        "NEW.detail LIKE 'settled by hand%'");

    desk.clickInThread(Ids.CHECKED_NOT_HAPPENED, Long.toString(escalate.id()), CAROL, report.ts());
    desk.settle();
    assertThat(desk.actions.find(escalate.id()).orElseThrow().status())
        .as("settled with no word in the thread, a second click would only find it already settled")
        .isEqualTo(ActionStatus.UNKNOWN);

    desk.db.update("DROP TRIGGER refuse_settling", ps -> {});
    desk.clickInThread(Ids.CHECKED_NOT_HAPPENED, Long.toString(escalate.id()), CAROL, report.ts());
    assertThat(desk.awaitThread(id, "checked in PayPal: it did not go through"))
        .contains("<@" + CAROL + ">");
    assertThat(desk.awaitAction(id, escalate.kind(), ActionStatus.FAILED).id())
        .isEqualTo(escalate.id());
  }

  @Test
  void aMoneyActionIsSettledOnlyByAnApproverAndOnlyOnce() throws Exception {
    Action accept =
        unproven(
            ActionRequest.AcceptClaim.fullRefund("Refund."),
            Money.of("40.00", "USD"),
            "crash:" + UUID.randomUUID());
    // Resolved for the buyer with a refund that is not the one asked for: it proves nothing either
    // way.
    desk.sim.resolve(id, SimOutcome.RESOLVED_BUYER_FAVOUR, new BigDecimal("25.00"));
    desk.clock.advance(Duration.ofMinutes(5));
    desk.start();
    SlackMessage report = report(accept.id());

    desk.clickInThread(Ids.CHECKED_HAPPENED, Long.toString(accept.id()), CAROL, report.ts());
    assertThat(desk.awaitEphemeral(CAROL, "Only approvers")).contains("Accept claim");
    assertThat(desk.actions.find(accept.id()).orElseThrow().status())
        .isEqualTo(ActionStatus.UNKNOWN);

    desk.clickInThread(Ids.CHECKED_HAPPENED, Long.toString(accept.id()), ALICE, report.ts());
    Action settled = desk.awaitAction(id, accept.kind(), ActionStatus.SUCCEEDED);
    assertThat(settled.outcome()).isEqualTo("done: checked in PayPal by " + ALICE);
    assertThat(desk.awaitThread(id, "checked in PayPal: it went through"))
        .contains("<@" + ALICE + ">");

    desk.clickInThread(Ids.CHECKED_NOT_HAPPENED, Long.toString(accept.id()), ALICE, report.ts());
    assertThat(desk.awaitEphemeral(ALICE, "already settled")).contains("as done");
    desk.settle();
    assertThat(desk.actions.find(accept.id()).orElseThrow().status())
        .isEqualTo(ActionStatus.SUCCEEDED);
    assertThat(desk.auditOf(id))
        .filteredOn(e -> e.detail() != null && e.detail().contains("settled by hand"))
        .hasSize(1);
    assertThat(desk.sim.count("accept-claim")).isZero();
  }
}
