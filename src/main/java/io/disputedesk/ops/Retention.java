package io.disputedesk.ops;

import io.disputedesk.dispute.AuditLog;
import io.disputedesk.store.InboundDedupe;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets what is no longer needed, once a day: Slack writes long sent, failed writes once looked
 * at, de-duplication keys past the time a sender could repeat a delivery, and audit entries past
 * the configured retention.
 */
public final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  /**
   * How long each kind of row is kept.
   *
   * @param sentOutbox sent Slack writes: their keys stop repeats of the same post for this long
   * @param failedOutbox Slack writes given up on, kept for inspection
   * @param inboundKeys webhook and Slack retry ids: PayPal re-delivers for up to three days, a
   *     person can resend from PayPal's dashboard later, Slack retries within minutes
   * @param audit the audit log ({@code AUDIT_RETENTION_DAYS})
   */
  public record Periods(
      Duration sentOutbox, Duration failedOutbox, Duration inboundKeys, Duration audit) {
    public Periods {
      Objects.requireNonNull(sentOutbox, "sentOutbox");
      Objects.requireNonNull(failedOutbox, "failedOutbox");
      Objects.requireNonNull(inboundKeys, "inboundKeys");
      Objects.requireNonNull(audit, "audit");
    }

    /** Sent writes 7 days, failed ones 30, inbound keys 30, the audit log as configured. */
    public static Periods withAudit(Duration audit) {
      return new Periods(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(30), audit);
    }
  }

  /** How many rows one run deleted. */
  public record Pruned(int sentOutbox, int failedOutbox, int inboundKeys, int audit) {}

  /** The Slack outbox's old rows, pruned here; implemented by the outbox in the Slack layer. */
  public interface SlackWrites {
    /** Deletes writes sent before {@code before}; returns how many. */
    int pruneSent(Instant before);

    /** Deletes writes given up on and queued before {@code before}; returns how many. */
    int pruneFailed(Instant before);
  }

  private final SlackWrites outbox;
  private final InboundDedupe inbound;
  private final AuditLog audit;
  private final Periods periods;

  public Retention(SlackWrites outbox, InboundDedupe inbound, AuditLog audit, Periods periods) {
    this.outbox = outbox;
    this.inbound = inbound;
    this.audit = audit;
    this.periods = periods;
  }

  /** Deletes everything older than its period at {@code now}. */
  public Pruned run(Instant now) {
    Pruned pruned =
        new Pruned(
            outbox.pruneSent(now.minus(periods.sentOutbox())),
            outbox.pruneFailed(now.minus(periods.failedOutbox())),
            inbound.prune(now.minus(periods.inboundKeys())),
            audit.pruneBefore(now.minus(periods.audit())));
    log.info(
        "Retention: pruned {} sent and {} failed Slack writes, {} inbound keys, {} audit entries",
        pruned.sentOutbox(),
        pruned.failedOutbox(),
        pruned.inboundKeys(),
        pruned.audit());
    return pruned;
  }
}
