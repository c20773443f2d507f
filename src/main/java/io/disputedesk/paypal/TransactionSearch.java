package io.disputedesk.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * PayPal's Transaction Search ({@code GET /v1/reporting/transactions}) for one transaction. The app
 * needs the Transaction Search feature (scope {@code …/services/reporting/search/read}): without it
 * PayPal answers 403 {@code NOT_AUTHORIZED}. Transactions appear there up to three hours after
 * payment.
 */
public final class TransactionSearch {
  static final String OPERATION = "transactions.search";

  /** Half the search window: PayPal searches at most 31 days at a time. */
  static final Duration HALF_WINDOW = Duration.ofDays(15);

  /**
   * A transaction id is 17 characters, an order id 19 (the spec's limits on {@code
   * transaction_id}).
   */
  private static final Pattern TRANSACTION_ID = Pattern.compile("^[A-Za-z0-9]{17,19}$");

  private final PayPalApi api;
  private final ObjectMapper mapper;
  private final Clock clock;

  public TransactionSearch(PayPalClient client, Clock clock) {
    this.api = client.api();
    this.mapper = client.mapper();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** True when PayPal would take {@code transactionId} as a search filter. */
  public static boolean searchable(String transactionId) {
    return transactionId != null && TRANSACTION_ID.matcher(transactionId).matches();
  }

  /**
   * The transaction with all its fields, searched in a 30-day window centred on {@code around} (its
   * time, as the dispute gives it) and ending no later than now. Empty when PayPal does not list it
   * (yet). A 403 and every other failure throw {@link PayPalException}.
   */
  public Optional<TransactionDetail> find(String transactionId, Instant around) {
    if (!searchable(transactionId)) {
      throw new IllegalArgumentException(
          "not a searchable PayPal transaction id: " + transactionId);
    }
    Objects.requireNonNull(around, "around");
    Instant now = clock.instant();
    Instant end = around.plus(HALF_WINDOW).isAfter(now) ? now : around.plus(HALF_WINDOW);
    Instant start = around.minus(HALF_WINDOW);
    if (!end.isAfter(start)) {
      end = start.plus(HALF_WINDOW);
    }
    HttpUrl url =
        api.url("v1/reporting/transactions")
            .newBuilder()
            .addQueryParameter("transaction_id", transactionId)
            .addQueryParameter("fields", "all")
            .addQueryParameter("start_date", PayPalDates.query(start))
            .addQueryParameter("end_date", PayPalDates.query(end))
            .build();
    Reply reply = api.get(OPERATION, url);
    SearchResponse response;
    try {
      response = mapper.readValue(reply.body(), SearchResponse.class);
    } catch (JsonProcessingException e) {
      throw new PayPalException(OPERATION, "unreadable transaction search answer from PayPal", e);
    }
    List<TransactionDetail> found = response.transactionDetails();
    // One id can be listed twice (a balance-affecting record and another one): prefer the record
    // with the order's items and address.
    return found.stream()
        .filter(t -> t.transactionId().map(transactionId::equals).orElse(true))
        .max((a, b) -> Integer.compare(richness(a), richness(b)));
  }

  private static int richness(TransactionDetail t) {
    return (t.items().isEmpty() ? 0 : 2) + (t.shippingAddress().isPresent() ? 1 : 0);
  }

  /** The search answer; {@code transaction_details} may be missing when nothing matches. */
  record SearchResponse(List<TransactionDetail> transactionDetails) {
    SearchResponse {
      transactionDetails =
          transactionDetails == null
              ? List.of()
              : List.copyOf(transactionDetails.stream().filter(t -> t != null).toList());
    }
  }
}
