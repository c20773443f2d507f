package io.disputedesk.actions;

import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a person saw of a dispute when they asked for an action: its update time, disputed amount,
 * the refund PayPal allowed and its stage. A money action runs only on the numbers they saw. Any
 * field may be null (PayPal left it out).
 */
public record SeenDispute(
    Instant updateTime, Money disputedAmount, Money allowedRefund, LifecycleStage stage) {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The dispute as a form built from it shows it. */
  public static SeenDispute of(Dispute d) {
    return new SeenDispute(
        d.updateTime(),
        d.disputeAmount(),
        d.refundDetails() == null ? null : d.refundDetails().allowedRefundAmount(),
        d.disputeLifeCycleStage());
  }

  /**
   * One difference from what was seen, as a sentence ending in {@code since}; {@code money} for
   * amounts.
   */
  public record Change(boolean money, String sentence) {}

  /**
   * What differs in {@code now} (amounts and stage first); a newer update time alone counts too, as
   * PayPal's word that the dispute changed. Empty when it is as seen. {@code since} ends each
   * sentence, e.g. "since you opened this form".
   */
  public List<Change> changesSince(Dispute now, String since) {
    List<Change> changes = moneyChangesSince(now, since);
    if (changes.isEmpty() && !Objects.equals(updateTime, now.updateTime())) {
      changes.add(
          new Change(
              false,
              "PayPal updated the dispute"
                  + (now.updateTime() == null ? "" : " (at " + TIME.format(now.updateTime()) + ")")
                  + " "
                  + since
                  + "."));
    }
    return changes;
  }

  /**
   * What differs between {@code seen} and {@code now}, as {@link #changesSince}; a form that does
   * not say what it showed ({@code seen} null, opened before this check existed) counts as changed.
   */
  public static List<Change> differences(SeenDispute seen, Dispute now, String since) {
    if (seen == null) {
      return List.of(
          new Change(
              false,
              "This form does not say which numbers it showed (it was opened before"
                  + " an update of the bot)."));
    }
    return seen.changesSince(now, since);
  }

  /** The sentences of the changes, one after the other. */
  public static String sentences(List<Change> changes) {
    return String.join(" ", changes.stream().map(Change::sentence).toList());
  }

  /** The differences in disputed amount, allowed refund and stage only. */
  public List<Change> moneyChangesSince(Dispute now, String since) {
    SeenDispute current = of(now);
    List<Change> changes = new ArrayList<>();
    if (!sameMoney(disputedAmount, current.disputedAmount)) {
      changes.add(
          new Change(
              true,
              "The disputed amount changed from "
                  + show(disputedAmount)
                  + " to "
                  + show(current.disputedAmount)
                  + " "
                  + since
                  + "."));
    }
    if (!sameMoney(allowedRefund, current.allowedRefund)) {
      changes.add(
          new Change(
              true,
              "The most PayPal lets you refund changed from "
                  + show(allowedRefund)
                  + " to "
                  + show(current.allowedRefund)
                  + " "
                  + since
                  + "."));
    }
    if (stage != current.stage) {
      changes.add(
          new Change(
              false,
              "The dispute moved from the "
                  + Words.stage(stage)
                  + " stage to the "
                  + Words.stage(current.stage)
                  + " stage "
                  + since
                  + "."));
    }
    return changes;
  }

  private static boolean sameMoney(Money a, Money b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.currencyCode().equals(b.currencyCode()) && a.value().compareTo(b.value()) == 0;
  }

  private static String show(Money m) {
    return m == null ? "none" : m.display();
  }
}
