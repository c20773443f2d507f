package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One transaction from PayPal's Transaction Search ({@code transaction_details[]} with {@code
 * fields=all}), reduced to what the bot reads: what was bought and where it was shipped. Every part
 * may be absent; lists are never null.
 */
public record TransactionDetail(
    TransactionInfo transactionInfo, ShippingInfo shippingInfo, CartInfo cartInfo) {

  @JsonIgnore
  public Optional<String> transactionId() {
    return Optional.ofNullable(transactionInfo).map(TransactionInfo::transactionId);
  }

  /** The items bought, in PayPal's order. */
  @JsonIgnore
  public List<ItemDetail> items() {
    return cartInfo == null ? List.of() : cartInfo.itemDetails();
  }

  @JsonIgnore
  public Optional<ReportAddress> shippingAddress() {
    return Optional.ofNullable(shippingInfo).map(ShippingInfo::address);
  }

  /** {@code transaction_info}: amounts are money objects, dates kept as PayPal wrote them. */
  public record TransactionInfo(
      String transactionId,
      String transactionEventCode,
      String transactionInitiationDate,
      String transactionUpdatedDate,
      Money transactionAmount,
      Money shippingAmount,
      String transactionStatus,
      String invoiceId) {

    @JsonIgnore
    public Optional<Instant> initiatedAt() {
      return PayPalDates.instant(transactionInitiationDate);
    }
  }

  /** {@code shipping_info}: the recipient and the address PayPal shipped to. */
  public record ShippingInfo(String name, String method, ReportAddress address) {}

  /**
   * The reporting API's address: {@code line1}, {@code city} and {@code country_code} are required
   * by PayPal.
   */
  public record ReportAddress(
      String line1,
      String line2,
      String city,
      String state,
      String countryCode,
      String postalCode) {}

  public record CartInfo(List<ItemDetail> itemDetails, Boolean taxInclusive) {
    public CartInfo {
      itemDetails =
          itemDetails == null
              ? List.of()
              : List.copyOf(itemDetails.stream().filter(i -> i != null).toList());
    }
  }

  /** One item: PayPal sends the quantity as text; prices may be absent. */
  public record ItemDetail(
      String itemCode,
      String itemName,
      String itemDescription,
      String itemQuantity,
      Money itemUnitPrice,
      Money itemAmount,
      Money totalItemAmount) {}
}
