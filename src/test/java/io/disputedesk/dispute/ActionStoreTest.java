package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Money;
import io.disputedesk.store.Concurrently;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.Kinds;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class ActionStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant LEASE_END = START.plus(Duration.ofMinutes(31));

  private final ShiftableClock clock = new ShiftableClock(START);
  private Database db;
  private ActionStore actions;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    actions = new ActionStore(db, Kinds.ACTIONS);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Begins the action, with a lease when it starts in flight. */
  private BeginResult begin(NewAction a) {
    return actions.begin(a, a.status() == ActionStatus.IN_FLIGHT ? LEASE_END : null);
  }

  private static NewAction offer(String intentKey) {
    return new NewAction(
        "PP-D-1",
        ActionRequest.MakeOffer.ACTION,
        intentKey,
        "U1",
        ActionStatus.IN_FLIGHT,
        Money.of("10.00", "USD"),
        "{\"offer_type\":\"REFUND\"}");
  }

  @EachDatabase
  void theLedgerReadsItsKindsByTheirStoredNamesAndNamesOneNoDescriptorHas() {
    Action a = ((BeginResult.Started) begin(offer("view-1"))).action();
    // A reader that knows every action reads the row as written: the kind is found by its name.
    ActionStore wider = new ActionStore(db, io.disputedesk.testing.PayPalActions.KNOWN);
    assertThat(wider.find(a.id())).contains(a);
    // A version without the kind says which row and which kind, rather than guessing.
    ActionStore without =
        new ActionStore(
            db,
            new io.disputedesk.paypal.DisputeActions(
                List.of(ActionRequest.SendMessage.ACTION, ActionRequest.AcceptClaim.ACTION)));
    assertThatThrownBy(() -> without.find(a.id()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MAKE_OFFER")
        .hasMessageContaining(String.valueOf(a.id()));
  }

  @EachDatabase
  void beginRecordsTheActionWithAFreshRequestId() {
    Action a = ((BeginResult.Started) begin(offer("view-1"))).action();
    Action b =
        ((BeginResult.Started)
                begin(
                    new NewAction(
                        "PP-D-2",
                        ActionRequest.MakeOffer.ACTION,
                        "view-2",
                        "U1",
                        ActionStatus.AWAITING_APPROVAL,
                        null,
                        "{}")))
            .action();

    assertThat(a.requestId()).isNotBlank().isNotEqualTo(b.requestId());
    assertThat(a.status()).isEqualTo(ActionStatus.IN_FLIGHT);
    assertThat(a.amount()).isEqualTo(Money.of("10.00", "USD"));
    assertThat(a.createdAt()).isEqualTo(START);
    assertThat(b.amount()).isNull();
    assertThat(b.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
    assertThat(actions.find(a.id())).contains(a);
    assertThat(actions.find(999)).isEmpty();
  }

  @EachDatabase
  void concurrentBeginOfTheSameIntentStartsExactlyOnce() throws Exception {
    List<BeginResult> results = Concurrently.run(16, i -> () -> begin(offer("view-1")));

    List<Action> started =
        results.stream()
            .filter(r -> r instanceof BeginResult.Started)
            .map(r -> ((BeginResult.Started) r).action())
            .toList();
    List<Action> blocked =
        results.stream()
            .filter(r -> r instanceof BeginResult.AlreadyOpen)
            .map(r -> ((BeginResult.AlreadyOpen) r).existing())
            .toList();
    assertThat(started).hasSize(1);
    assertThat(blocked).hasSize(15).allSatisfy(a -> assertThat(a).isEqualTo(started.get(0)));
    assertThat(actions.inState(ActionStatus.IN_FLIGHT)).containsExactly(started.get(0));
  }

  @EachDatabase
  void concurrentDifferentIntentsOfOneKindOnOneDisputeStartOnlyOne() throws Exception {
    List<BeginResult> results = Concurrently.run(16, i -> () -> begin(offer("view-" + i)));

    assertThat(results).filteredOn(r -> r instanceof BeginResult.Started).hasSize(1);
    assertThat(actions.inState(ActionStatus.IN_FLIGHT)).hasSize(1);
  }

  @EachDatabase
  void anOpenActionBlocksAnotherIntentOfTheSameKindButNotOtherKindsOrDisputes() {
    Action open = ((BeginResult.Started) begin(offer("view-1"))).action();

    assertThat(begin(offer("view-2"))).isEqualTo(new BeginResult.AlreadyOpen(open));
    assertThat(
            begin(
                new NewAction(
                    "PP-D-1",
                    ActionRequest.SendMessage.ACTION,
                    "msg-1",
                    "U2",
                    ActionStatus.IN_FLIGHT,
                    null,
                    "{}")))
        .isInstanceOf(BeginResult.Started.class);
    assertThat(
            begin(
                new NewAction(
                    "PP-D-2",
                    ActionRequest.MakeOffer.ACTION,
                    "view-3",
                    "U2",
                    ActionStatus.IN_FLIGHT,
                    null,
                    "{}")))
        .isInstanceOf(BeginResult.Started.class);
    assertThat(actions.openFor("PP-D-1", ActionRequest.MakeOffer.ACTION)).contains(open);
    assertThat(actions.openFor("PP-D-1", ActionRequest.AcceptClaim.ACTION)).isEmpty();
  }

  @EachDatabase
  void aFinishedActionFreesTheSlotForANewIntentOfTheSameKind() {
    Action first = ((BeginResult.Started) begin(offer("view-1"))).action();
    assertThat(
            actions.transition(
                first.id(), ActionStatus.IN_FLIGHT, ActionStatus.SUCCEEDED, "200", "dbg", null))
        .isTrue();

    BeginResult second = begin(offer("view-2"));

    assertThat(second).isInstanceOf(BeginResult.Started.class);
    assertThat(actions.openFor("PP-D-1", ActionRequest.MakeOffer.ACTION))
        .contains(((BeginResult.Started) second).action());
  }

  @EachDatabase
  void repeatingAFinishedIntentReturnsTheFinishedAction() {
    Action first = ((BeginResult.Started) begin(offer("view-1"))).action();
    actions.transition(
        first.id(), ActionStatus.IN_FLIGHT, ActionStatus.FAILED, "422", "dbg-9", null);

    BeginResult again = begin(offer("view-1"));

    assertThat(again)
        .isInstanceOfSatisfying(
            BeginResult.AlreadyOpen.class,
            r -> {
              assertThat(r.existing().id()).isEqualTo(first.id());
              assertThat(r.existing().status()).isEqualTo(ActionStatus.FAILED);
            });
  }

  @EachDatabase
  void transitionIsACompareAndSet() {
    Action a =
        ((BeginResult.Started)
                begin(
                    new NewAction(
                        "PP-D-1",
                        ActionRequest.AcceptClaim.ACTION,
                        "view-1",
                        "U1",
                        ActionStatus.AWAITING_APPROVAL,
                        Money.of("5000", "JPY"),
                        "{}")))
            .action();
    clock.advance(Duration.ofMinutes(2));

    assertThat(actions.startApproved(a.id(), "U-APPROVER", START.plus(Duration.ofMinutes(33))))
        .isTrue();
    assertThat(
            actions.transition(
                a.id(),
                ActionStatus.AWAITING_APPROVAL,
                ActionStatus.REJECTED,
                "no",
                null,
                "U-OTHER"))
        .isFalse();

    Action now = actions.find(a.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(ActionStatus.IN_FLIGHT);
    assertThat(now.approvedBy()).isEqualTo("U-APPROVER");
    assertThat(now.outcome()).isNull();
    assertThat(now.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(2)));
    assertThat(now.amount()).isEqualTo(Money.of("5000", "JPY"));

    assertThat(
            actions.transition(
                a.id(), ActionStatus.IN_FLIGHT, ActionStatus.UNKNOWN, "timeout", null, null))
        .isTrue();
    assertThat(actions.find(a.id()).orElseThrow())
        .extracting(Action::status, Action::outcome, Action::approvedBy)
        .containsExactly(ActionStatus.UNKNOWN, "timeout", "U-APPROVER");
  }

  @EachDatabase
  void concurrentApproveAndRejectLetExactlyOneWin() throws Exception {
    Action a =
        ((BeginResult.Started)
                begin(
                    new NewAction(
                        "PP-D-1",
                        ActionRequest.AcceptClaim.ACTION,
                        "view-1",
                        "U1",
                        ActionStatus.AWAITING_APPROVAL,
                        null,
                        "{}")))
            .action();

    List<Boolean> wins =
        Concurrently.run(
            8,
            i ->
                () ->
                    i % 2 == 0
                        ? actions.startApproved(a.id(), "U" + i, LEASE_END)
                        : actions.transition(
                            a.id(),
                            ActionStatus.AWAITING_APPROVAL,
                            ActionStatus.REJECTED,
                            null,
                            null,
                            "U" + i));

    assertThat(wins).containsOnlyOnce(true);
  }

  @EachDatabase
  void inStateListsRowsForRestartRecoveryOldestFirst() {
    Action one = ((BeginResult.Started) begin(offer("view-1"))).action();
    Action two =
        ((BeginResult.Started)
                begin(
                    new NewAction(
                        "PP-D-2",
                        ActionRequest.MakeOffer.ACTION,
                        "view-2",
                        "U1",
                        ActionStatus.IN_FLIGHT,
                        null,
                        "{}")))
            .action();
    Action three =
        ((BeginResult.Started)
                begin(
                    new NewAction(
                        "PP-D-3",
                        ActionRequest.MakeOffer.ACTION,
                        "view-3",
                        "U1",
                        ActionStatus.IN_FLIGHT,
                        null,
                        "{}")))
            .action();
    actions.transition(two.id(), ActionStatus.IN_FLIGHT, ActionStatus.UNKNOWN, null, null, null);

    assertThat(actions.inState(ActionStatus.IN_FLIGHT))
        .extracting(Action::id)
        .containsExactly(one.id(), three.id());
    assertThat(actions.inState(ActionStatus.UNKNOWN))
        .extracting(Action::id)
        .containsExactly(two.id());
  }

  @EachDatabase
  void aNewActionMustStartInFlightOrAwaitingApproval() {
    assertThatThrownBy(
            () ->
                new NewAction(
                    "PP-D-1",
                    ActionRequest.MakeOffer.ACTION,
                    "k",
                    "U1",
                    ActionStatus.SUCCEEDED,
                    null,
                    "{}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @EachDatabase
  void exactlyTheOpenStatusesHoldTheSlotInTheSchema() {
    for (ActionStatus status : ActionStatus.values()) {
      String dispute = "PP-D-" + status;
      Action first =
          ((BeginResult.Started)
                  begin(
                      new NewAction(
                          dispute,
                          ActionRequest.Appeal.ACTION,
                          status + "-1",
                          "U1",
                          ActionStatus.IN_FLIGHT,
                          null,
                          "{}")))
              .action();
      if (status != ActionStatus.IN_FLIGHT) {
        actions.transition(first.id(), ActionStatus.IN_FLIGHT, status, null, null, null);
      }

      BeginResult next =
          begin(
              new NewAction(
                  dispute,
                  ActionRequest.Appeal.ACTION,
                  status + "-2",
                  "U1",
                  ActionStatus.IN_FLIGHT,
                  null,
                  "{}"));

      assertThat(next)
          .as(status.name())
          .isInstanceOf(
              status.isOpen() ? BeginResult.AlreadyOpen.class : BeginResult.Started.class);
    }
  }

  @EachDatabase
  void anActionInFlightHoldsALeaseFromItsStart() {
    Action a = ((BeginResult.Started) begin(offer("view-1"))).action();

    assertThat(a.leaseUntil()).isEqualTo(LEASE_END);
    assertThat(a.startedAt()).isEqualTo(START);
    assertThatThrownBy(() -> actions.begin(offer("view-2"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                actions.transition(
                    a.id(), ActionStatus.UNKNOWN, ActionStatus.IN_FLIGHT, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @EachDatabase
  void onlyAnExpiredLeaseCanBeTakenOverAndARenewalWinsOverIt() {
    Action a = ((BeginResult.Started) begin(offer("view-1"))).action();
    Instant justBefore = LEASE_END.minusMillis(1);

    assertThat(actions.leaseExpired(justBefore)).isEmpty();
    assertThat(actions.takeOver(a.id(), justBefore, "too early")).isFalse();

    Instant after = LEASE_END.plusMillis(1);
    assertThat(actions.leaseExpired(after)).extracting(Action::id).containsExactly(a.id());
    // The running process renews before anyone acts on what they read: the takeover loses.
    assertThat(actions.renewLease(a.id(), after.plus(Duration.ofMinutes(31)))).isTrue();
    assertThat(actions.takeOver(a.id(), after, "lease ran out")).isFalse();
    assertThat(actions.find(a.id()).orElseThrow().status()).isEqualTo(ActionStatus.IN_FLIGHT);

    Instant muchLater = after.plus(Duration.ofHours(1));
    assertThat(actions.takeOver(a.id(), muchLater, "lease ran out")).isTrue();
    assertThat(actions.takeOver(a.id(), muchLater, "again")).isFalse();
    assertThat(actions.renewLease(a.id(), muchLater.plus(Duration.ofMinutes(31))))
        .as("no renewal once taken")
        .isFalse();
    assertThat(actions.find(a.id()).orElseThrow())
        .extracting(Action::status, Action::outcome)
        .containsExactly(ActionStatus.UNKNOWN, "lease ran out");
  }

  @EachDatabase
  void approvalStartsTheCallWithALeaseAndKeepsWhatThePersonSaw() {
    Action a =
        ((BeginResult.Started)
                begin(
                    new NewAction(
                        "PP-D-1",
                        ActionRequest.AcceptClaim.ACTION,
                        "view-1",
                        "U1",
                        ActionStatus.AWAITING_APPROVAL,
                        Money.of("600.00", "USD"),
                        "{}",
                        "{\"stage\":\"INQUIRY\"}")))
            .action();
    assertThat(a.leaseUntil()).isNull();
    assertThat(a.startedAt()).isNull();
    assertThat(a.seenJson()).isEqualTo("{\"stage\":\"INQUIRY\"}");
    clock.advance(Duration.ofMinutes(5));

    assertThat(actions.startApproved(a.id(), "U2", LEASE_END)).isTrue();
    assertThat(actions.startApproved(a.id(), "U3", LEASE_END)).isFalse();

    assertThat(actions.find(a.id()).orElseThrow())
        .extracting(
            Action::status,
            Action::approvedBy,
            Action::startedAt,
            Action::leaseUntil,
            Action::began)
        .containsExactly(
            ActionStatus.IN_FLIGHT,
            "U2",
            START.plus(Duration.ofMinutes(5)),
            LEASE_END,
            START.plus(Duration.ofMinutes(5)));
  }
}
