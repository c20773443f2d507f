package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.auth.Permissions;
import io.disputedesk.concurrent.BoundedExecutors;
import io.disputedesk.concurrent.Pools;
import io.disputedesk.concurrent.StartGate;
import io.disputedesk.config.AccountSettings;
import io.disputedesk.config.Config;
import io.disputedesk.digest.DigestLedger;
import io.disputedesk.digest.DigestService;
import io.disputedesk.digest.DigestSettings;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.insights.ReportLedger;
import io.disputedesk.insights.ReportSettings;
import io.disputedesk.insights.Reports;
import io.disputedesk.insights.WeeklyReport;
import io.disputedesk.jobs.DeadlineJobs;
import io.disputedesk.jobs.JobScheduler;
import io.disputedesk.jobs.ReportJobs;
import io.disputedesk.reminders.ReminderLedger;
import io.disputedesk.reminders.ReminderService;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.SlackDigestPublisher;
import io.disputedesk.slack.SlackReminderNotices;
import io.disputedesk.slack.SlackReportPublisher;
import io.disputedesk.slack.commands.AssignCommands;
import io.disputedesk.slack.commands.CommandHandlers;
import io.disputedesk.slack.commands.CommandParser;
import io.disputedesk.slack.commands.CommandRunner;
import io.disputedesk.slack.commands.HelpBuilder;
import io.disputedesk.slack.commands.ListBuilder;
import io.disputedesk.slack.commands.ListCommands;
import io.disputedesk.slack.commands.People;
import io.disputedesk.slack.commands.PollNow;
import io.disputedesk.slack.commands.Replies;
import io.disputedesk.slack.commands.ReportCommands;
import io.disputedesk.slack.commands.RuleCommands;
import io.disputedesk.slack.commands.RuleDesk;
import io.disputedesk.slack.commands.ShareChannels;
import io.disputedesk.slack.commands.ShowBuilder;
import io.disputedesk.slack.commands.StatsBuilder;
import io.disputedesk.slack.commands.SubscriptionBackfill;
import io.disputedesk.slack.commands.SubscriptionCommands;
import io.disputedesk.slack.commands.UserFiles;
import io.disputedesk.store.Database;
import io.disputedesk.sync.PollResult;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How a team sees its queue and keeps its deadlines (issue 5): the {@code /disputes} command, the
 * daily digest, the deadline reminders and the weekly report (issue 18), built from the app's
 * shared pieces ({@link HomeTab} is the App Home). Slow command work runs on its own small thread
 * pool, closed with it.
 */
final class QueueFeatures implements AutoCloseable {
  private static final int THREADS = 4;

  /** Commands waiting for a thread; beyond that the person is told Dispute Desk is busy. */
  private static final int QUEUE = 32;

  private final ExecutorService executor;
  private final CommandHandlers commands;
  private final DigestService digest;
  private final DigestSettings digestSettings;
  private final ReminderService reminders;
  private final WeeklyReport weeklyReport;
  private final ReportSettings reportSettings;
  private final Clock clock;

  /**
   * Built from the app's shared pieces: the stores, the Slack client and delivery, the team's
   * permissions, the polls, and the assignments and rules of the actions; slash-command work counts
   * in the core's work.
   */
  QueueFeatures(
      Core core,
      Stores stores,
      SlackApi slack,
      SlackDelivery delivery,
      Team team,
      PayPalSync paypal,
      ActionWiring actions) {
    Config config = core.config();
    ObjectMapper mapper = core.mapper();
    Clock clock = core.clock();
    MethodsClient methods = slack.methods();
    DisputeLines lines = slack.lines();
    Notifier notifier = delivery.notifier();
    Routing routing = delivery.routing();
    Permissions permissions = team.permissions();
    ReadAccess readers = team.readers();
    BooleanSupplier polledOnce = paypal.sync()::polledOnce;
    RuleDesk rules =
        new RuleCommands(
            actions.rules(), permissions, stores.audit(), config.schedule().digestZone());
    this.clock = clock;
    this.executor =
        BoundedExecutors.fixed("queue-features", THREADS, QUEUE, StartGate.OPEN, core.work());
    Database db = stores.db();
    DisputeQueries queries = stores.queries();
    EvidenceDraftStore unsentDrafts = stores.drafts();

    this.digestSettings = DigestSettings.of(config.schedule());
    DigestBuilder digestBuilder = new DigestBuilder(lines, digestSettings.zone());
    this.digest =
        new DigestService(
            db,
            new DigestLedger(db),
            queries,
            new SlackDigestPublisher(notifier, digestBuilder),
            digestSettings,
            polledOnce,
            routing.digests(),
            unsentDrafts);
    this.reminders =
        new ReminderService(
            db,
            queries,
            new ReminderLedger(db),
            new SlackReminderNotices(notifier),
            config.schedule().reminderThresholds(),
            unsentDrafts);
    // Reports (issue 18): weeks, quarters and the weekly post follow the digest's zone and time.
    Reports reports = new Reports(queries, digestSettings.zone());
    this.reportSettings =
        new ReportSettings(
            config.schedule().reportDay(), digestSettings.time(), digestSettings.zone());
    this.weeklyReport =
        new WeeklyReport(
            db,
            new ReportLedger(db),
            reports,
            new SlackReportPublisher(notifier),
            reportSettings,
            // Each digest channel (the default one and every routed one) gets the weekly report,
            // over the disputes routed to it.
            routing.digests(),
            polledOnce);

    CommandRunner runner =
        new CommandRunner(
            new ListCommands(
                queries,
                stores.disputes(),
                new ListBuilder(lines),
                new ShowBuilder(delivery.cardBuilder(), lines, mapper),
                mapper,
                routing.digests(),
                clock),
            new AssignCommands(actions.assignments(), permissions, new People(methods), clock),
            new ReportCommands(
                queries,
                reports,
                new StatsBuilder(),
                new UserFiles(methods),
                digest,
                routing.digests(),
                digestBuilder,
                pollNow(paypal.polls()),
                permissions,
                readers,
                clock),
            // Where share may post: the default channel and the routed ones known at start.
            new HelpBuilder(),
            readers,
            new ShareChannels(new java.util.HashSet<>(routing.router().channels())),
            new SubscriptionCommands(
                routing.subscriptions(),
                routing.router(),
                permissions,
                stores.audit(),
                new SubscriptionBackfill(db, queries, notifier, clock),
                config.accounts().stream().map(AccountSettings::name).collect(Collectors.toSet()),
                clock),
            rules);
    this.commands =
        new CommandHandlers(
            new CommandParser(), runner, new Replies(slack.slack(), methods), executor);
  }

  /** Registers the slash command and the list "more" button. */
  void register(com.slack.api.bolt.App bolt) {
    commands.register(bolt);
  }

  /**
   * Schedules the digest and the weekly report (cron + catch-up each) and the reminders; {@code
   * startDelay} is their first run.
   */
  void schedule(JobScheduler jobs, Duration startDelay) {
    DeadlineJobs.schedule(jobs, digest, digestSettings, reminders, clock, startDelay);
    ReportJobs.schedule(jobs, weeklyReport, reportSettings, clock, startDelay);
  }

  /** What {@code /disputes sync} says after a poll. */
  static PollNow pollNow(Supplier<PollResult> poll) {
    return () -> {
      PollResult r = poll.get();
      if (!r.ok()) {
        return "the poll failed ("
            + (r.error() == null ? "unknown error" : r.error())
            + "); the next scheduled poll tries again.";
      }
      return r.changed()
          + (r.changed() == 1 ? " dispute" : " disputes")
          + " new or changed ("
          + r.listed()
          + " listed, "
          + r.detailsRead()
          + " read in full"
          + (r.firstRun() ? ", first import" : "")
          + (r.setAside() > 0 ? ", " + r.setAside() + " set aside to try again later" : "")
          + ").";
    };
  }

  @Override
  public void close() {
    Pools.stop(executor, Duration.ofSeconds(5));
  }
}
