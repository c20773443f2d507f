package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.actions.ActionAudit;
import io.disputedesk.actions.ActionGate;
import io.disputedesk.actions.ActionLease;
import io.disputedesk.actions.ActionNotices;
import io.disputedesk.actions.ActionRecovery;
import io.disputedesk.actions.ActionReporter;
import io.disputedesk.actions.ActionRunner;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.ApprovalRule;
import io.disputedesk.actions.DisputeClients;
import io.disputedesk.actions.FollowUps;
import io.disputedesk.actions.HandSettlement;
import io.disputedesk.actions.Reconciler;
import io.disputedesk.actions.RequestCodec;
import io.disputedesk.actions.TrackerStep;
import io.disputedesk.config.ApprovalThreshold;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.sync.DisputeRefresher;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The actions on disputes, each part built once: the codec of stored requests, the audit, the
 * thread reporter, the tracker step, the reconciler and runner of PayPal calls, recovery after a
 * restart and settling by hand, around the one gate that snoozes and assignments share.
 */
final class ActionWiring {
  private ActionWiring() {}

  /**
   * Calls PayPal with each dispute's own account's client ({@code paypal}); {@code trackersChanged}
   * hears of each dispute whose transaction PayPal now holds a new tracker for.
   */
  static ActionService service(
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
    RequestCodec codec = new RequestCodec(mapper);
    ActionAudit audit = new ActionAudit(stores.audit(), clock);
    ActionReporter reporter = new ActionReporter(notices, refresher, followUps, codec);
    TrackerStep trackers =
        new TrackerStep(
            stores.trackerAdditions(), actions, paypal, audit, reporter, trackersChanged, clock);
    Reconciler reconciler =
        new Reconciler(
            paypal, actions, disputes, audit, reporter, followUps, codec, trackers, clock);
    return new ActionService(
        gate,
        actions,
        disputes,
        new ApprovalRule(threshold),
        lease,
        codec,
        audit,
        reporter,
        new ActionRunner(
            paypal, actions, disputes, audit, reporter, reconciler, lease, trackers, clock),
        new ActionRecovery(actions, audit, reconciler, followUps, codec, clock),
        new HandSettlement(gate, actions, disputes, audit, reporter, codec, clock),
        trackers,
        refresher);
  }
}
