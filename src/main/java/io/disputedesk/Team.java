package io.disputedesk;

import io.disputedesk.actions.ActionGate;
import io.disputedesk.actions.Snoozes;
import io.disputedesk.auth.Permissions;
import io.disputedesk.config.Config;
import io.disputedesk.rules.RuleEngine;
import io.disputedesk.slack.DraftThread;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.SlackActionNotices;
import io.disputedesk.slack.SlackGroupDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * The team at the desk: the user groups in its roles and the permissions on them, who may read and
 * who may act on which dispute, what snoozes, actions and assignments tell a dispute's thread, the
 * snoozes, and the owners' Home tabs.
 */
record Team(
    SlackGroupDirectory groups,
    Permissions permissions,
    ReadAccess readers,
    SlackActionNotices notices,
    DraftThread drafts,
    ActionGate gate,
    Snoozes snoozes,
    HomeTab home) {

  /** How long a start waits for the first read of the user groups in the roles. */
  private static final Duration GROUPS_FIRST_READ = Duration.ofSeconds(2);

  /** Home tabs are published on {@code background}, never on a Slack request's thread. */
  static Team on(
      Core core,
      SlackApi slack,
      SlackDelivery delivery,
      Stores stores,
      ExecutorService background) {
    Config config = core.config();
    Clock clock = core.clock();
    // User groups are read in the background, so a permission check never waits on Slack.
    SlackGroupDirectory groups = SlackGroupDirectory.create(slack.methods(), clock, core.work());
    core.shutdown().then("user groups", groups::close);
    groups.start(
        Stream.concat(
                config.roles().all().stream(),
                RuleEngine.roundRobinGroups(core.settings().rules()).stream())
            .toList(),
        GROUPS_FIRST_READ);
    Permissions permissions = new Permissions(config.roles(), groups);
    ReadAccess readers = new ReadAccess(permissions, stores.audit(), clock);
    // What snoozes, actions and assignments tell a dispute's thread, in Slack's words.
    // Evidence drafts follow their sends in the action ledger.
    DraftThread drafts =
        new DraftThread(stores.db(), stores.drafts(), stores.actions(), delivery.notifier());
    SlackActionNotices notices = new SlackActionNotices(delivery.notifier(), drafts);
    // Who may act on which dispute: one gate for actions, snoozes and assignments.
    ActionGate gate = new ActionGate(permissions, stores.disputes(), stores.audit(), clock);
    // Snoozed disputes wake when their time comes, the buyer writes or the deadline comes within
    // 24 h.
    Snoozes snoozes =
        new Snoozes(
            stores.db(), gate, stores.snoozes(), stores.disputes(), notices, stores.audit(), clock);
    // Owners' Home tabs follow their disputes: the sync and assignments republish them.
    HomeTab home =
        new HomeTab(config, stores, slack.methods(), slack.lines(), readers, background, clock);
    return new Team(groups, permissions, readers, notices, drafts, gate, snoozes, home);
  }
}
