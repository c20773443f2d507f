package io.disputedesk;

import io.disputedesk.actions.DisputeClients;
import io.disputedesk.config.Config;
import io.disputedesk.ops.PollAccounting;
import io.disputedesk.order.OrderLookup;
import io.disputedesk.paypal.PayPalAccounts;
import io.disputedesk.paypal.PayPalHttp;
import io.disputedesk.paypal.ShipmentTracking;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.paypal.TransactionSearch;
import io.disputedesk.rules.RuleTriggers;
import io.disputedesk.slack.Notifier;
import io.disputedesk.sync.AccountPolls;
import io.disputedesk.sync.DisputeRefresher;
import io.disputedesk.sync.OrderFactsRefresher;
import java.time.Clock;
import java.util.Set;

/**
 * What the bot learns from PayPal: one client per account, the order facts of each dispute, the
 * rule triggers that follow what the sync sees, one poll cursor per account, the polls as the
 * scheduler and health see them, and the re-read of one dispute.
 *
 * @param clientOf the client of a dispute's own account
 * @param sync every account's polls and refreshes
 * @param polls a poll of every account, counted for metrics and health
 * @param refresher what the Refresh button runs
 */
record PayPalSync(
    PayPalAccounts clients,
    DisputeClients clientOf,
    OrderFactsRefresher orders,
    RuleTriggers ruleTriggers,
    AccountPolls sync,
    PollAccounting polls,
    DisputeRefresher refresher) {

  static PayPalSync on(Core core, Stores stores, Notifier notifier, Team team) {
    Config config = core.config();
    Clock clock = core.clock();
    // One client and token per PayPal account; every call about a dispute uses its own account.
    PayPalAccounts clients =
        Accounts.newClients(
            config,
            new PayPalHttp(core.http(), core.mapper(), Sleeper.system(), core.metrics()),
            clock);
    var clientOf = Accounts.forDisputes(clients, stores.disputes());
    // Order facts (Transaction Search, Shipment Tracking) follow new and changed disputes, off
    // every Slack path, each asked of the dispute's own account.
    OrderFactsRefresher orders =
        new OrderFactsRefresher(
            new OrderLookup(
                id -> new TransactionSearch(clientOf.forDispute(id), clock),
                id -> new ShipmentTracking(clientOf.forDispute(id))),
            stores.orderFacts(),
            stores.disputes(),
            stores.db(),
            notifier,
            clock,
            core.work());
    core.shutdown().then("order facts", orders::close);
    // Automation rules (issue 16) follow what the sync sees, recorded with each change it stores;
    // the engine is attached once the actions exist.
    RuleTriggers ruleTriggers = new RuleTriggers(stores.db(), core.settings().rules(), core.work());
    var snoozes = team.snoozes();
    // One poll cursor per account.
    Accounts accounts =
        new Accounts(
            config,
            clients,
            clock,
            core.metrics(),
            stores.db(),
            stores.disputes(),
            notifier,
            stores.syncState(),
            team.home()
                .ownersOfChanged()
                .andThen(orders)
                .andThen(snoozes::changed)
                .andThen(ruleTriggers));
    AccountPolls sync = accounts.polls();
    core.shutdown().then("account polls", sync::close);
    boolean webhooksOn = config.accounts().stream().anyMatch(a -> a.webhookId().isPresent());
    PollAccounting polls =
        new PollAccounting(
            () -> ruleTriggers.afterPoll(snoozes.afterPoll(orders.afterPoll(sync.get()))),
            core.metrics(),
            stores.syncState(),
            webhooksOn);
    // The Refresh button also asks for fresh order facts (still at most once an hour).
    DisputeRefresher refresher =
        disputeId -> {
          sync.refresh(disputeId);
          orders.changed(Set.of(disputeId));
        };
    // After the account gauges, where /metrics has always listed it.
    core.metrics().outboxDepth(stores.outbox()::pendingCount);
    return new PayPalSync(clients, clientOf, orders, ruleTriggers, sync, polls, refresher);
  }
}
