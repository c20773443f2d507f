package io.disputedesk.digest;

import io.disputedesk.dispute.DigestData;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.drafts.UnsentDrafts;
import io.disputedesk.store.Database;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the daily digest to each digest channel exactly once per local day, each covering the
 * disputes routed to its channel. The ledger claim and the outbox rows are written in one
 * transaction: two instances (or a restart) cannot both send, and a crash before the commit leaves
 * the day unclaimed so the next check sends it.
 */
public final class DigestService {
  /** How far back the first digest of a channel looks. */
  static final Duration FIRST_DIGEST_COVERS = Duration.ofHours(24);

  static final Duration DUE_WINDOW = Duration.ofHours(48);
  static final int LINES_PER_SECTION = 10;

  private static final Logger log = LoggerFactory.getLogger(DigestService.class);

  private final Database db;
  private final DigestLedger ledger;
  private final DisputeQueries queries;
  private final DigestPublisher publisher;
  private final DigestSettings settings;
  private final BooleanSupplier dataReady;
  private final UnsentDrafts drafts;
  private final DigestChannels channels;

  /**
   * {@code dataReady} says whether the disputes have been read from PayPal at least once; until
   * then no digest goes out (a fresh install would otherwise post an empty one before its import).
   */
  public DigestService(
      Database db,
      DigestLedger ledger,
      DisputeQueries queries,
      DigestPublisher publisher,
      DigestSettings settings,
      BooleanSupplier dataReady) {
    this(
        db,
        ledger,
        queries,
        publisher,
        settings,
        dataReady,
        DigestChannels.single(publisher.defaultChannel()),
        UnsentDrafts.none());
  }

  /**
   * As above, with one digest per channel of {@code channels}, each over its own disputes and
   * saying how many evidence drafts wait to be sent.
   */
  public DigestService(
      Database db,
      DigestLedger ledger,
      DisputeQueries queries,
      DigestPublisher publisher,
      DigestSettings settings,
      BooleanSupplier dataReady,
      DigestChannels channels,
      UnsentDrafts drafts) {
    this.channels = channels;
    this.db = db;
    this.ledger = ledger;
    this.queries = queries;
    this.publisher = publisher;
    this.settings = settings;
    this.dataReady = dataReady;
    this.drafts = drafts;
  }

  /**
   * Sends today's digest if the local digest time has passed and no digest went out today. Run at
   * the digest time and every few minutes: a digest missed while the bot was down goes out when it
   * is back the same day, and never on a later day.
   */
  public DigestOutcome sendIfDue(Instant now) {
    ZonedDateTime local = now.atZone(settings.zone());
    LocalDate date = local.toLocalDate();
    if (settings.weekdaysOnly() && isWeekend(date.getDayOfWeek())) {
      return DigestOutcome.WEEKEND;
    }
    if (local.toLocalTime().isBefore(settings.time())) {
      return DigestOutcome.NOT_YET;
    }
    if (!dataReady.getAsBoolean()) {
      return DigestOutcome.WAITING_FOR_FIRST_POLL;
    }
    boolean any = false;
    for (String channel : channels.channels()) {
      any |= sendTo(channel, now, date);
    }
    return any ? DigestOutcome.SENT : DigestOutcome.ALREADY_SENT;
  }

  private boolean sendTo(String channel, Instant now, LocalDate date) {
    DisputeScope scope = channels.scopeOf(channel);
    int sent =
        db.inTransaction(
            c -> {
              Instant from = coveredFrom(channel, now);
              if (!ledger.claim(channel, date, from, now, now)) {
                return 0;
              }
              return publisher.publish(
                  channel, "digest:" + channel + ":" + date, digest(from, now, date, scope));
            });
    if (sent > 0) {
      log.info("Digest for {} queued for {} in {} message(s)", date, channel, sent);
    }
    return sent > 0;
  }

  /** The digest as it would go out now, without claiming or sending anything. */
  public Digest preview(Instant now) {
    return preview(publisher.defaultChannel(), now);
  }

  /**
   * {@code channel}'s digest as it would go out now (the default channel's for a channel with
   * none).
   */
  public Digest preview(String channel, Instant now) {
    String c = channels.channels().contains(channel) ? channel : publisher.defaultChannel();
    LocalDate date = now.atZone(settings.zone()).toLocalDate();
    return digest(coveredFrom(c, now), now, date, channels.scopeOf(c));
  }

  private Instant coveredFrom(String channel, Instant now) {
    Instant from = ledger.lastCoveredTo(channel).orElse(now.minus(FIRST_DIGEST_COVERS));
    return from.isAfter(now) ? now : from;
  }

  private Digest digest(Instant from, Instant now, LocalDate date, DisputeScope scope) {
    DigestData data = queries.digest(from, now, DUE_WINDOW, LINES_PER_SECTION, scope);
    return new Digest(data, date, now, drafts.unsent());
  }

  private static boolean isWeekend(DayOfWeek day) {
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
