package io.disputedesk.dispute;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import java.math.BigDecimal;

/**
 * What a filter looks at in one dispute: its account and PayPal's reason, stage, channel (where it
 * was filed), status, currency and amount as enum names and values (any may be null).
 */
public record DisputeFacts(
    String account,
    String reason,
    String stage,
    String disputeChannel,
    String status,
    String currency,
    BigDecimal amount) {

  public static DisputeFacts of(String account, Dispute d) {
    Money amount = d.disputeAmount();
    return new DisputeFacts(
        account,
        name(d.reason()),
        name(d.disputeLifeCycleStage()),
        name(d.disputeChannel()),
        name(d.status()),
        amount == null ? null : amount.currencyCode(),
        amount == null ? null : amount.value());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
