package io.disputedesk;

import io.disputedesk.actions.DisputeClients;
import io.disputedesk.config.AccountSettings;
import io.disputedesk.config.Config;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.ops.Metrics;
import io.disputedesk.paypal.PayPalAccounts;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.PayPalHttp;
import io.disputedesk.slack.Notifier;
import io.disputedesk.store.Database;
import io.disputedesk.sync.AccountPolls;
import io.disputedesk.sync.ChangeListener;
import io.disputedesk.sync.DisputeSync;
import io.disputedesk.sync.PollKeys;
import io.disputedesk.sync.SyncState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PayPal accounts the bot serves (issue 15): one client per account with its own credentials or
 * partner assertion and its own token, one sync per account on its own cursor, and the lookup that
 * gives every call about a dispute its own account's client.
 */
final class Accounts {
  private static final Logger log = LoggerFactory.getLogger(Accounts.class);

  private final PayPalAccounts clients;
  private final AccountPolls polls;
  private final DisputeStore disputes;

  /**
   * One client per configured account, each with its own credentials (or partner assertion) and
   * token, all on the one shared connection.
   */
  static PayPalAccounts newClients(Config config, PayPalHttp shared, Clock clock) {
    Map<String, PayPalClient> byName = new LinkedHashMap<>();
    for (AccountSettings a : config.accounts()) {
      byName.put(
          a.name(),
          new PayPalClient(
              shared,
              new PayPalCredentials(
                  a.baseUrl(), a.clientId(), a.clientSecret().reveal(), a.payerId().orElse(null)),
              clock));
    }
    return new PayPalAccounts(byName);
  }

  /** The client of a dispute's own account (the first account's for a dispute not stored). */
  static DisputeClients forDisputes(PayPalAccounts clients, DisputeStore disputes) {
    return disputeId -> clients.client(disputes.accountOf(disputeId).orElse(clients.first()));
  }

  Accounts(
      Config config,
      PayPalAccounts clients,
      Clock clock,
      Metrics metrics,
      Database db,
      DisputeStore disputes,
      Notifier notifier,
      SyncState state,
      ChangeListener changes) {
    this.disputes = disputes;
    List<DisputeSync> syncs = new ArrayList<>();
    for (AccountSettings a : config.accounts()) {
      syncs.add(
          new DisputeSync(
              a.name(),
              PollKeys.of(a.name(), config.accounts().size() == 1),
              clients.client(a.name()),
              db,
              disputes,
              notifier,
              state,
              clock,
              changes));
    }
    this.clients = clients;
    this.polls =
        new AccountPolls(
            syncs,
            disputes,
            state,
            (account, result) ->
                metrics.accountPoll(
                    account,
                    result.ok() ? (result.firstRun() ? "first_run" : "success") : "failure"));
    metrics.accountsPolling(
        () ->
            polls.status().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        s -> s.account(), s -> s.ok(), (a, b) -> a, LinkedHashMap::new)));
    List<String> orphaned =
        disputes.accounts().stream().filter(name -> !clients.has(name)).toList();
    if (!orphaned.isEmpty()) {
      log.warn(
          "Stored disputes belong to PayPal account(s) {} that are not configured: they are not polled and"
              + " their buttons answer that the account is missing. Configure an account by that name (the"
              + " single-account settings PAYPAL_CLIENT_ID... are the account named default).",
          orphaned);
    }
  }

  PayPalAccounts clients() {
    return clients;
  }

  AccountPolls polls() {
    return polls;
  }

  /** The client of a dispute's own account (the first account's for a dispute not stored). */
  DisputeClients forDisputes() {
    return forDisputes(clients, disputes);
  }
}
