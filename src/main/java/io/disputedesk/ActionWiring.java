package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.actions.ActionAudit;
import io.disputedesk.actions.ActionGate;
import io.disputedesk.actions.ActionKinds;
import io.disputedesk.actions.ActionLease;
import io.disputedesk.actions.ActionNotices;
import io.disputedesk.actions.ActionRecovery;
import io.disputedesk.actions.ActionReporter;
import io.disputedesk.actions.ActionRunner;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.ApprovalRule;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.DisputeClients;
import io.disputedesk.actions.FollowUps;
import io.disputedesk.actions.HandSettlement;
import io.disputedesk.actions.LeaseSettings;
import io.disputedesk.actions.Reconciler;
import io.disputedesk.actions.RequestCodec;
import io.disputedesk.actions.TrackerStep;
import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.config.ApprovalThreshold;
import io.disputedesk.config.Config;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.rules.RuleEngine;
import io.disputedesk.slack.DraftThread;
import io.disputedesk.slack.SlackRuleNotices;
import io.disputedesk.slack.actions.ActionHandlers;
import io.disputedesk.sync.DisputeRefresher;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The actions on disputes, each part built once: the codec of stored requests, the audit, the
 * thread reporter, the tracker step, the reconciler and runner of PayPal calls, recovery after a
 * restart and settling by hand, around the one gate that snoozes and assignments share; the threads
 * they run on, their follow-ups and leases; assignments, the automation rules that act through
 * both, and the card buttons and forms that start them.
 *
 * @param work the action threads
 * @param leases held by running actions
 */
record ActionWiring(
    FollowUps followUps,
    ExecutorService work,
    ActionLease leases,
    ActionService service,
    Assignments assignments,
    RuleEngine rules,
    ActionHandlers handlers,
    DraftThread drafts,
    Clock clock) {

  /** Actions waiting for a free action thread, per thread. */
  private static final int ACTION_QUEUE_PER_THREAD = 4;

  /**
   * Builds the actions and registers the card buttons and forms on the Bolt app; action threads and
   * follow-ups start a task once {@code yieldToRequests} lets them; private notes are sent on
   * {@code background}.
   */
  static ActionWiring on(
      Core core,
      ActionKinds kinds,
      Stores stores,
      SlackApi slack,
      SlackDelivery delivery,
      Team team,
      PayPalSync paypal,
      StartGate yieldToRequests,
      ExecutorService background) {
    Config config = core.config();
    RunOptions options = core.options();
    Clock clock = core.clock();
    // Follow-ups (card refreshes minutes after an action, the lease sweep) yield to the requests as
    // well.
    FollowUps followUps = FollowUps.start(options.actionFollowUp(), yieldToRequests, core.work());
    // Bounded: when every action thread waits on PayPal and the queue is full, people are told
    // "busy". An action (its ledger rows, its PayPal request) starts once no request is being
    // answered, or after App.ACTIONS_YIELD_AT_MOST: in a burst the acks, which people wait for, get
    // the cores first, and the "Sending to PayPal…" view is shown meanwhile.
    ExecutorService work =
        BoundedExecutors.fixed(
            "dd-actions",
            options.actionThreads(),
            options.actionThreads() * ACTION_QUEUE_PER_THREAD,
            yieldToRequests,
            core.work());
    // Held by a running action and renewed while its PayPal call may still run; outlasts the
    // worst-case call.
    ActionLease leases =
        ActionLease.start(
            options
                .actionLease()
                .orElseGet(() -> LeaseSettings.covering(paypal.clients().worstCaseActionCall())),
            clock);
    // Tracking added to PayPal with evidence shows on the card at once: its order facts are fetched
    // again.
    ActionService actions =
        service(
            kinds,
            team.gate(),
            stores,
            paypal.clientOf(),
            team.notices(),
            paypal.refresher(),
            followUps,
            config.approvalThreshold(),
            leases,
            paypal.orders()::fetchNow,
            core.mapper(),
            clock);
    Assignments assignments =
        new Assignments(
            stores.db(),
            team.gate(),
            stores.assignments(),
            team.notices(),
            stores.audit(),
            team.home().refresher(),
            clock);
    RuleEngine rules =
        new RuleEngine(
            core.settings().rules(),
            stores.db(),
            stores.disputes(),
            stores.actions(),
            actions,
            assignments,
            new SlackRuleNotices(delivery.notifier()),
            team.groups(),
            config.approvalThreshold(),
            clock);
    paypal.ruleTriggers().attach(rules);
    ActionHandlers handlers =
        new ActionHandlers(
            actions,
            assignments,
            stores.disputes(),
            stores.cards(),
            core.mapper(),
            work,
            background,
            config.slack().channel(),
            stores.orderFacts(),
            stores.drafts(),
            team.drafts(),
            team.snoozes(),
            slack.methods(),
            core.http());
    handlers.register(slack.bolt());
    return new ActionWiring(
        followUps, work, leases, actions, assignments, rules, handlers, team.drafts(), clock);
  }

  /**
   * Settles the actions a previous run left open, and from now on those whose lease ran out (each
   * heartbeat).
   */
  void start() {
    work.execute(service::recover);
    followUps.every(
        "settle actions whose lease ran out",
        service::sweepExpiredLeases,
        leases.settings().heartbeat());
    // An evidence draft whose send never reached the ledger (the process stopped after claiming
    // it) is a draft again once such a send can no longer be on its way.
    followUps.every(
        "release evidence drafts whose send never began",
        () -> drafts.releaseStuck(clock.instant()),
        leases.settings().heartbeat());
  }

  /**
   * Calls PayPal with each dispute's own account's client ({@code paypal}); {@code trackersChanged}
   * hears of each dispute whose transaction PayPal now holds a new tracker for.
   */
  private static ActionService service(
      ActionKinds kinds,
      ActionGate gate,
      Stores stores,
      DisputeClients paypal,
      ActionNotices notices,
      DisputeRefresher refresher,
      FollowUps followUps,
      ApprovalThreshold threshold,
      ActionLease lease,
      Consumer<String> trackersChanged,
      ObjectMapper mapper,
      Clock clock) {
    ActionStore actions = stores.actions();
    DisputeStore disputes = stores.disputes();
    RequestCodec codec = new RequestCodec(kinds, mapper);
    ActionAudit audit = new ActionAudit(stores.audit(), clock);
    ActionReporter reporter = new ActionReporter(kinds, notices, refresher, followUps, codec);
    TrackerStep trackers =
        new TrackerStep(
            stores.db(),
            stores.trackerAdditions(),
            actions,
            paypal,
            audit,
            reporter,
            trackersChanged,
            clock);
    Reconciler reconciler =
        new Reconciler(
            stores.db(),
            kinds,
            paypal,
            actions,
            disputes,
            audit,
            reporter,
            followUps,
            codec,
            trackers,
            clock);
    return new ActionService(
        stores.db(),
        kinds,
        gate,
        actions,
        disputes,
        new ApprovalRule(threshold),
        lease,
        codec,
        audit,
        reporter,
        new ActionRunner(
            stores.db(),
            kinds,
            paypal,
            actions,
            disputes,
            audit,
            reporter,
            reconciler,
            lease,
            trackers,
            clock),
        new ActionRecovery(actions, audit, reconciler, followUps, codec, clock),
        new HandSettlement(
            stores.db(), kinds, gate, actions, disputes, audit, reporter, codec, clock),
        trackers,
        refresher);
  }
}
