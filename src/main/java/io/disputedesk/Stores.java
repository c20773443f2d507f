package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.SnoozeStore;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.order.OrderFactsStore;
import io.disputedesk.order.TrackerAdditionStore;
import io.disputedesk.paypal.DisputeActions;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.store.Database;
import io.disputedesk.store.InboundDedupe;
import io.disputedesk.sync.SyncState;
import java.time.Clock;

/**
 * The database and the stores on it, each built once and shared by every feature that reads or
 * writes it.
 */
record Stores(
    Database db,
    DisputeStore disputes,
    DisputeQueries queries,
    CardStore cards,
    OutboxStore outbox,
    OrderFactsStore orderFacts,
    ActionStore actions,
    AssignmentStore assignments,
    AuditLog audit,
    EvidenceDraftStore drafts,
    SyncState syncState,
    InboundDedupe inbound,
    SnoozeStore snoozes,
    TrackerAdditionStore trackerAdditions) {

  static Stores on(Database db, ObjectMapper mapper, Clock clock, DisputeActions known) {
    return new Stores(
        db,
        new DisputeStore(db, mapper),
        new DisputeQueries(db),
        new CardStore(db),
        new OutboxStore(db),
        new OrderFactsStore(db, mapper),
        new ActionStore(db, known),
        new AssignmentStore(db),
        new AuditLog(db),
        new EvidenceDraftStore(db, clock),
        new SyncState(db),
        new InboundDedupe(db),
        new SnoozeStore(db),
        new TrackerAdditionStore(db));
  }
}
