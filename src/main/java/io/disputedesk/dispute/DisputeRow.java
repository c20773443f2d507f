package io.disputedesk.dispute;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeState;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.ListOutcome;
import io.disputedesk.paypal.Money;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The column values of a dispute row, derived from the PayPal record. */
record DisputeRow(
    String disputeId,
    String reason,
    String status,
    String disputeState,
    String stage,
    String channel,
    String amountValue,
    Long amountMinor,
    String currency,
    Instant createTime,
    Instant updateTime,
    Instant sellerDue,
    Instant buyerDue,
    String buyerName,
    String sellerTxnId,
    String buyerTxnId,
    boolean needsSeller,
    String outcomeCode,
    Long refundedMinor,
    Instant resolvedAt,
    String rawJson,
    String searchText) {

  /** The row for a dispute; {@code now} stands in for the resolution time when PayPal gave none. */
  static DisputeRow of(Dispute d, String rawJson, Instant now) {
    Money amount = d.disputeAmount();
    Optional<Dispute.DisputedTransaction> txn = d.firstTransaction();
    Dispute.DisputeOutcome outcome = d.disputeOutcome();
    String buyerName =
        txn.map(Dispute.DisputedTransaction::buyer).map(Dispute.Buyer::name).orElse(null);
    String sellerTxnId = txn.map(Dispute.DisputedTransaction::sellerTransactionId).orElse(null);
    String buyerTxnId = txn.map(Dispute.DisputedTransaction::buyerTransactionId).orElse(null);
    return new DisputeRow(
        d.disputeId(),
        name(d.reason()),
        name(d.status()),
        name(d.disputeState()),
        name(d.disputeLifeCycleStage()),
        name(d.disputeChannel()),
        amount == null ? null : amount.value().toPlainString(),
        minorUnits(amount),
        amount == null ? null : amount.currencyCode(),
        d.createTime(),
        d.updateTime(),
        d.sellerResponseDueDate(),
        d.buyerResponseDueDate(),
        buyerName,
        sellerTxnId,
        buyerTxnId,
        d.status() == DisputeStatus.WAITING_FOR_SELLER_RESPONSE
            || d.disputeState() == DisputeState.REQUIRED_ACTION,
        outcomeCode(d),
        outcome == null ? null : minorUnits(outcome.amountRefunded()),
        // PayPal's update_time of the first RESOLVED read, so that a first import of old
        // disputes does not make them all look resolved today.
        d.isResolved() ? (d.updateTime() != null ? d.updateTime() : now) : null,
        rawJson,
        searchText(
            d.disputeId(),
            buyerName,
            sellerTxnId,
            buyerTxnId,
            d.disputedTransactions().stream()
                .map(Dispute.DisputedTransaction::invoiceNumber)
                .toList()));
  }

  /**
   * What the search reads: the dispute id, the first transaction's buyer name and transaction ids
   * (as the list shows them) and the invoice number of every disputed transaction.
   */
  static String searchText(
      String disputeId,
      String buyerName,
      String sellerTxnId,
      String buyerTxnId,
      List<String> invoiceNumbers) {
    List<String> fields = new ArrayList<>();
    fields.add(disputeId);
    fields.add(buyerName);
    fields.add(sellerTxnId);
    fields.add(buyerTxnId);
    fields.addAll(invoiceNumbers);
    return SearchText.of(fields);
  }

  /**
   * PayPal's outcome code; for a resolved dispute known only from the list (a first import), the
   * list's WON or LOST, which {@link Outcome} reads, until its details are read.
   */
  private static String outcomeCode(Dispute d) {
    Dispute.DisputeOutcome outcome = d.disputeOutcome();
    if (outcome != null && outcome.outcomeCode() != null) {
      return name(outcome.outcomeCode());
    }
    ListOutcome listed = d.outcome();
    return d.isResolved() && (listed == ListOutcome.WON || listed == ListOutcome.LOST)
        ? listed.name()
        : null;
  }

  /** The amount in the currency's smallest unit: 12.34 USD is 1234, 500 JPY is 500. */
  static Long minorUnits(Money money) {
    if (money == null) {
      return null;
    }
    return money
        .value()
        .movePointRight(Money.scaleOf(money.currencyCode()))
        .setScale(0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
