package io.disputedesk;

import io.disputedesk.config.Config;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.CardViews;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OrderBlocks;
import io.disputedesk.slack.OutboxSender;
import io.disputedesk.slack.OutboxWorker;
import io.disputedesk.slack.PayPalLinks;
import io.disputedesk.slack.SlackAuthMonitor;
import io.disputedesk.slack.actions.CardAction;
import java.time.Clock;

/**
 * How what the bot says reaches Slack: the card format, which channels get which disputes, whether
 * Slack takes the bot token, the outbox sender, and the notifier that queues for it.
 */
record SlackDelivery(
    CardBuilder cardBuilder,
    Routing routing,
    SlackAuthMonitor auth,
    OutboxSender sender,
    Notifier notifier) {

  static SlackDelivery on(Core core, SlackApi slack, Stores stores) {
    Config config = core.config();
    Clock clock = core.clock();
    CardBuilder cardBuilder =
        new CardBuilder(
            clock,
            PayPalLinks.of(config.paypal()),
            CardAction.buttons(),
            OrderBlocks.from(stores.orderFacts()),
            stores.snoozes());
    // Which channels get which disputes: the config file's routes and the subscriptions from Slack.
    Routing routing =
        new Routing(
            core.settings().routes(), config.slack().channel(), stores.db(), stores.disputes());
    // Slack time, not the business clock: signatures and re-checks are about real seconds.
    SlackAuthMonitor auth =
        new SlackAuthMonitor(slack.methods(), Clock.systemUTC(), core.options().slackRecheck());
    auth.listen(slack.bolt());
    OutboxSender sender =
        new OutboxSender(
            stores.db(),
            stores.outbox(),
            stores.cards(),
            stores.disputes(),
            new CardViews(cardBuilder, core.mapper(), config.severalAccounts()),
            routing.cards(),
            slack.methods(),
            core.mapper(),
            clock,
            Sleeper.system(),
            core.options().sender(),
            // SQLite means one process; on PostgreSQL several replicas may share the database.
            stores.db().isPostgres() ? OutboxWorker.replica() : OutboxWorker.single(),
            auth,
            core.work());
    Notifier notifier =
        new Notifier(
            stores.outbox(),
            core.mapper(),
            config.slack().channel(),
            sender::wakeUp,
            routing.cards(),
            stores.cards());
    return new SlackDelivery(cardBuilder, routing, auth, sender, notifier);
  }
}
