package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.digest.DigestChannels;
import io.disputedesk.digest.DigestService;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.insights.Report;
import io.disputedesk.insights.ReportPeriod;
import io.disputedesk.insights.ReportRange;
import io.disputedesk.insights.Reports;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.slack.BlockKit;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DigestMessage;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.ReportText;
import io.disputedesk.slack.Times;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code stats}, {@code report}, {@code export}, {@code digest} (preview) and {@code sync}. */
public final class ReportCommands {
  private static final Logger log = LoggerFactory.getLogger(ReportCommands.class);

  private final DisputeQueries queries;
  private final Reports reports;
  private final StatsBuilder stats;
  private final UserFiles files;
  private final DigestService digest;
  private final DigestChannels channels;
  private final DigestBuilder digestBuilder;
  private final PollNow poll;
  private final Permissions permissions;
  private final ReadAccess access;
  private final Clock clock;

  /**
   * {@code access} audits the refusals of the export and the sync, which need more than the viewer
   * role; {@code channels} say which disputes a shared report may count in each channel.
   */
  public ReportCommands(
      DisputeQueries queries,
      Reports reports,
      StatsBuilder stats,
      UserFiles files,
      DigestService digest,
      DigestChannels channels,
      DigestBuilder digestBuilder,
      PollNow poll,
      Permissions permissions,
      ReadAccess access,
      Clock clock) {
    this.queries = queries;
    this.reports = reports;
    this.stats = stats;
    this.files = files;
    this.digest = digest;
    this.channels = channels;
    this.digestBuilder = digestBuilder;
    this.poll = poll;
    this.permissions = permissions;
    this.access = access;
    this.clock = clock;
  }

  CommandReply stats(int days) {
    return stats(days, null);
  }

  /**
   * The stats; shared in {@code sharedIn} (null when only the caller sees them) they count only the
   * disputes routed to that channel, as its shared report.
   */
  CommandReply stats(int days, String sharedIn) {
    DisputeScope scope = sharedIn != null ? channels.scopeOf(sharedIn) : DisputeScope.everything();
    Instant now = clock.instant();
    return ScopeNote.added(
        stats.withAccounts(
            stats.build(queries.stats(now.minus(Duration.ofDays(days)), now, now, scope), days),
            queries.openByAccount(scope)),
        scope);
  }

  /**
   * Renders the report and shares it: in {@code channel} when the caller asked to share it there
   * (the runner allows that only in a disputes channel), else in the caller's DM with the bot. A
   * shared report counts only the disputes routed to its channel, as that channel's weekly report:
   * a channel never sees the figures of disputes whose cards it does not get.
   */
  CommandReply report(ReportRange range, String callerId, String channel) {
    DisputeScope scope = channel != null ? channels.scopeOf(channel) : DisputeScope.everything();
    Report report = reports.render(range.at(clock.instant(), reports.zone()), scope);
    try {
      if (channel != null) {
        files.sendToChannel(
            channel,
            report.filename(),
            report.title(),
            report.png(),
            ReportText.text(report, scope));
      } else {
        files.sendToUser(
            callerId, report.filename(), report.title(), report.png(), ReportText.text(report));
      }
    } catch (IllegalStateException e) {
      log.warn("Report for {} could not be uploaded: {}", callerId, e.getMessage());
      return CommandReply.text(
          ":warning: I could not send you the report ("
              + e.getMessage()
              + "). Try again in a minute.");
    }
    String what =
        "`"
            + report.filename()
            + "` ("
            + report.period().title().toLowerCase(Locale.ENGLISH)
            + ", "
            + report.period().dates()
            + ")";
    return CommandReply.text(
        ":bar_chart: "
            + (channel != null
                ? "Posted "
                    + what
                    + " here."
                    + (scope.coversEverything()
                        ? ""
                        : " It counts only the disputes routed to this channel.")
                : "Sent you " + what + " in a direct message."));
  }

  /**
   * Uploads the CSV to the caller's DM with the bot and says so; agents only (it is the whole book
   * of disputes).
   */
  CommandReply export(Integer days, String callerId) {
    if (!permissions.has(callerId, Role.AGENT)) {
      access.audit(callerId, "EXPORT", null, refusalDetail(Role.AGENT));
      return CommandReply.text(
          ":no_entry: Only agents can export disputes. " + permissions.howToGrant(Role.AGENT));
    }
    Instant now = clock.instant();
    ExportCsv csv = new ExportCsv();
    Instant[] firstCreated = {null};
    queries.export(
        days == null ? null : now.minus(Duration.ofDays(days)),
        line -> {
          csv.add(line);
          if (firstCreated[0] == null) {
            firstCreated[0] = line.createTime();
          }
        });
    String period = days == null ? "all" : days + "d";
    if (csv.rows() == 0) {
      return CommandReply.text(
          "No disputes were created "
              + (days == null ? "yet" : "in the last " + days + " days")
              + "; there is nothing to export.");
    }
    String filename =
        "disputes-" + period + "-" + now.atZone(ZoneOffset.UTC).toLocalDate() + ".csv";
    String what =
        csv.rows()
            + (csv.rows() == 1 ? " dispute" : " disputes")
            + (days == null
                ? " (all on record)"
                : " created in the last "
                    + days
                    + " days (since "
                    + Times.date(now.minus(Duration.ofDays(days)))
                    + ")")
            + ", generated "
            + Times.dateTime(now);
    ReportPeriod weeks =
        days == null
            ? ReportPeriod.since(
                firstCreated[0] == null ? now : firstCreated[0], now, reports.zone())
            : ReportPeriod.lastDays(days, now, reports.zone());
    String weeklyName =
        "disputes-weekly-" + period + "-" + now.atZone(ZoneOffset.UTC).toLocalDate() + ".csv";
    try {
      files.sendToUser(
          callerId,
          filename,
          "Disputes (" + period + ")",
          csv.text().getBytes(StandardCharsets.UTF_8),
          "Your export: " + what + ".");
      files.sendToUser(
          callerId,
          weeklyName,
          "Weekly totals (" + period + ")",
          WeeklyCsv.of(reports.data(weeks)).getBytes(StandardCharsets.UTF_8),
          "Week by week, the numbers of `/disputes report` ("
              + weeks.dates()
              + ", "
              + reports.zone().getId()
              + ").");
    } catch (IllegalStateException e) {
      log.warn("Export for {} could not be uploaded: {}", callerId, e.getMessage());
      return CommandReply.text(
          ":warning: I could not send you the file ("
              + e.getMessage()
              + "). Try again in a minute.");
    }
    return CommandReply.text(
        ":page_facing_up: Sent you `"
            + filename
            + "` ("
            + what
            + ") and `"
            + weeklyName
            + "` (weekly totals) in a direct message.");
  }

  /** The digest as it would be posted now, only to the caller. */
  CommandReply digestPreview() {
    return digestPreview(null, false);
  }

  /**
   * The digest of {@code channelId} (the default channel's when it gets none) as it would be posted
   * now; {@code shared}, it is posted in the channel, and says so instead of "nothing was posted".
   */
  CommandReply digestPreview(String channelId, boolean shared) {
    List<DigestMessage> messages =
        digestBuilder.build(
            channelId == null
                ? digest.preview(clock.instant())
                : digest.preview(channelId, clock.instant()));
    DigestMessage first = messages.get(0);
    ArrayNode blocks = first.blocks().deepCopy();
    String note =
        (shared
                ? "The digest as it stands now, shared on request. The daily digest still comes at"
                    + " its usual time."
                : "Preview only: nothing was posted.")
            + (messages.size() > 1
                ? " The digest continues in " + (messages.size() - 1) + " more message(s)."
                : "");
    if (blocks.size() < BlockKit.MESSAGE_BLOCKS) {
      blocks.add(BlockKit.context(note));
    }
    return new CommandReply(first.text() + " (" + note + ")", blocks, shared);
  }

  /** Polls PayPal now (approvers only) and says what changed. */
  CommandReply sync(String callerId) {
    if (!permissions.has(callerId, Role.APPROVER)) {
      access.audit(callerId, "SYNC", null, refusalDetail(Role.APPROVER));
      return CommandReply.text(
          ":no_entry: Only approvers can run a sync. " + permissions.howToGrant(Role.APPROVER));
    }
    try {
      return CommandReply.text(
          ":arrows_counterclockwise: Checked PayPal: " + poll.pollAndDescribe());
    } catch (PayPalException e) {
      log.warn("Sync requested by {} failed: {}", callerId, e.getMessage());
      return CommandReply.text(":warning: The sync failed: " + e.userMessage());
    }
  }

  private String refusalDetail(Role role) {
    return permissions.isConfigured(role) ? "user lacks " + role : "no " + role + " configured";
  }
}
