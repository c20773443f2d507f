package io.disputedesk.insights;

import io.disputedesk.digest.DigestChannels;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.store.Database;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the report of the last 12 complete weeks to each digest channel once on the report day,
 * each over the disputes routed to its channel (as its digest): a channel never sees the figures of
 * disputes whose cards it would not get. As with the digest, the ledger claim and the outbox row
 * are one transaction: two instances (or a restart) cannot both post, and a crash before the commit
 * leaves the day unclaimed so the next check posts it. A report missed while the bot was down goes
 * out when it is back the same day.
 */
public final class WeeklyReport {
  private static final Logger log = LoggerFactory.getLogger(WeeklyReport.class);

  private final Database db;
  private final ReportLedger ledger;
  private final Reports reports;
  private final ReportPublisher publisher;
  private final ReportSettings settings;
  private final DigestChannels channels;
  private final BooleanSupplier dataReady;

  /**
   * {@code channels} are the digest channels and the disputes each covers; {@code dataReady} says
   * whether the disputes were read from PayPal at least once (a fresh install would otherwise post
   * an empty report).
   */
  public WeeklyReport(
      Database db,
      ReportLedger ledger,
      Reports reports,
      ReportPublisher publisher,
      ReportSettings settings,
      DigestChannels channels,
      BooleanSupplier dataReady) {
    this.db = db;
    this.ledger = ledger;
    this.reports = reports;
    this.publisher = publisher;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.channels = channels;
    this.dataReady = dataReady;
  }

  /**
   * Queues the day's report for each channel that has not had it, if it is the report day and time.
   */
  public WeeklyOutcome sendIfDue(Instant now) {
    ZonedDateTime local = now.atZone(settings.zone());
    LocalDate date = local.toLocalDate();
    if (date.getDayOfWeek() != settings.day()) {
      return WeeklyOutcome.NOT_TODAY;
    }
    if (local.toLocalTime().isBefore(settings.time())) {
      return WeeklyOutcome.NOT_YET;
    }
    if (!dataReady.getAsBoolean()) {
      return WeeklyOutcome.WAITING_FOR_FIRST_POLL;
    }
    List<String> due =
        channels.channels().stream().distinct().filter(c -> !ledger.claimed(c, date)).toList();
    if (due.isEmpty()) {
      return WeeklyOutcome.ALREADY_SENT;
    }
    ReportPeriod period = ReportRange.LAST_12_WEEKS.at(now, settings.zone());
    // Channels with the same routes share one rendering.
    Map<DisputeScope, Report> rendered = new HashMap<>();
    int queued = 0;
    for (String channel : due) {
      // Rendered before the transaction: the database stays free while the charts are drawn.
      Report report =
          rendered.computeIfAbsent(channels.scopeOf(channel), s -> reports.render(period, s));
      boolean claimed =
          db.inTransaction(
              c -> {
                if (!ledger.claim(
                    channel, date, report.period().from(), report.period().to(), now)) {
                  return false;
                }
                publisher.share(
                    channel,
                    "weekly-report:" + channel + ":" + date,
                    "weekly-" + report.filename(),
                    "Weekly " + report.title(),
                    report);
                return true;
              });
      if (claimed) {
        queued++;
        log.info("Weekly report of {} queued for {}", date, channel);
      }
    }
    return queued > 0 ? WeeklyOutcome.SENT : WeeklyOutcome.ALREADY_SENT;
  }
}
