package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransactionSearchTest {
  private static final String TXN = "5TY05013RG002845M";

  /** A PayPal-shaped answer: offsets written +0000, fields and values the bot does not know. */
  private static final String FOUND =
      """
      {"transaction_details":[{
         "transaction_info":{"paypal_account_id":"6STWC2LSUYYYE","transaction_id":"5TY05013RG002845M",
           "transaction_event_code":"T0006","transaction_initiation_date":"2026-11-03T10:15:42+0000",
           "transaction_updated_date":"2026-11-03T10:15:42+0000",
           "transaction_amount":{"currency_code":"USD","value":"465.00"},
           "transaction_status":"S","invoice_id":"Invoice-005","brand_new_field":{"x":1}},
         "payer_info":{"account_id":"6STWC2LSUYYYE","email_address":"buyer@example.com"},
         "shipping_info":{"name":"Ana Buyer","method":"Express",
           "address":{"line1":"4th Floor","line2":"Unit #34","city":"San Jose","state":"CA",
             "country_code":"US","postal_code":"95131"}},
         "cart_info":{"item_details":[
           {"item_code":"ITEM1","item_name":"Espresso machine","item_quantity":"1",
            "item_unit_price":{"currency_code":"USD","value":"400.00"},
            "item_amount":{"currency_code":"USD","value":"400.00"}},
           {"item_name":"Coffee beans","item_quantity":"2",
            "item_unit_price":{"currency_code":"USD","value":"32.50"}}],
           "tax_inclusive":false,"shiny_new_flag":"MAYBE"},
         "incentive_info":{}}],
       "account_number":"XZXSPECPDZHZU","start_date":"2026-10-19T10:15:42+0000","page":1,"total_items":1,
       "total_pages":1,"links":[{"href":"https://api-m.sandbox.paypal.com/v1/reporting/transactions","rel":"self"}]}
      """;

  private final PayPalServer paypal = new PayPalServer();
  private final TransactionSearch search = new TransactionSearch(paypal.client, paypal.clock);

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void searchAsksForTheTransactionWithAllFieldsInA30DayWindowWithSeconds() {
    paypal.token().enqueueJson(200, FOUND);

    search.find(TXN, Instant.parse("2026-11-03T10:15:42.926Z"));

    RecordedRequest request = paypal.takeAfterToken();
    HttpUrl url = request.getRequestUrl();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(url.encodedPath()).isEqualTo("/v1/reporting/transactions");
    assertThat(url.queryParameter("transaction_id")).isEqualTo(TXN);
    assertThat(url.queryParameter("fields")).isEqualTo("all");
    assertThat(url.queryParameter("start_date")).isEqualTo("2026-10-19T10:15:42Z");
    assertThat(url.queryParameter("end_date")).isEqualTo("2026-11-18T10:15:42Z");
    assertThat(url.querySize()).isEqualTo(4);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + PayPalServer.TOKEN);
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
  }

  @Test
  void windowEndsNowForARecentPaymentAndKeepsWholeSeconds() {
    paypal.token().enqueueJson(200, "{\"transaction_details\":[]}");

    search.find(TXN, paypal.clock.instant().minus(Duration.ofDays(2)));

    HttpUrl url = paypal.takeAfterToken().getRequestUrl();
    Instant start = Instant.parse(url.queryParameter("start_date"));
    Instant end = Instant.parse(url.queryParameter("end_date"));
    assertThat(end).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(url.queryParameter("end_date")).isEqualTo("2026-11-27T10:00:00Z");
    assertThat(Duration.between(start, end)).isLessThanOrEqualTo(Duration.ofDays(31)).isPositive();
  }

  @Test
  void itemsAddressAndTotalAreReadDespiteUnknownFieldsAndOffsetsWithoutColon() {
    paypal.token().enqueueJson(200, FOUND);

    TransactionDetail t = search.find(TXN, Instant.parse("2026-11-03T10:15:42Z")).orElseThrow();

    assertThat(t.transactionId()).contains(TXN);
    assertThat(t.transactionInfo().initiatedAt()).contains(Instant.parse("2026-11-03T10:15:42Z"));
    assertThat(t.transactionInfo().transactionAmount()).isEqualTo(Money.of("465.00", "USD"));
    assertThat(t.transactionInfo().invoiceId()).isEqualTo("Invoice-005");
    assertThat(t.items())
        .extracting(TransactionDetail.ItemDetail::itemName)
        .containsExactly("Espresso machine", "Coffee beans");
    assertThat(t.items().get(1).itemQuantity()).isEqualTo("2");
    assertThat(t.items().get(1).itemAmount()).isNull();
    TransactionDetail.ReportAddress to = t.shippingAddress().orElseThrow();
    assertThat(to.city()).isEqualTo("San Jose");
    assertThat(to.countryCode()).isEqualTo("US");
    assertThat(to.line1()).isEqualTo("4th Floor");
    assertThat(t.shippingInfo().name()).isEqualTo("Ana Buyer");
  }

  @Test
  void anEmptyAnswerMeansNotListedYet() {
    paypal
        .token()
        .enqueueJson(200, "{\"transaction_details\":[],\"total_items\":0}")
        .enqueueJson(200, "{\"total_items\":0}");

    assertThat(search.find(TXN, Instant.parse("2026-11-20T10:00:00Z"))).isEmpty();
    assertThat(search.find(TXN, Instant.parse("2026-11-20T10:00:00Z"))).isEmpty();
  }

  @Test
  void whenAnIdIsListedTwiceTheRecordWithTheOrderWins() {
    paypal
        .token()
        .enqueueJson(
            200,
            """
        {"transaction_details":[
          {"transaction_info":{"transaction_id":"5TY05013RG002845M","transaction_event_code":"T1105"}},
          {"transaction_info":{"transaction_id":"5TY05013RG002845M"},
           "cart_info":{"item_details":[{"item_name":"Kettle","item_quantity":"1"}]}}]}
        """);

    Optional<TransactionDetail> t = search.find(TXN, Instant.parse("2026-11-20T10:00:00Z"));

    assertThat(t.orElseThrow().items())
        .extracting(TransactionDetail.ItemDetail::itemName)
        .containsExactly("Kettle");
  }

  @Test
  void withoutTheTransactionSearchPermissionPayPalAnswers403AndNothingIsRetried() {
    paypal
        .token()
        .enqueueJson(
            403,
            """
        {"name":"NOT_AUTHORIZED","message":"Authorization failed due to insufficient permissions.",
         "debug_id":"9e1d2c3b4a5f6","details":[{"issue":"PERMISSION_DENIED",
         "description":"You do not have permission to access or perform operations on this resource."}]}
        """);

    assertThatThrownBy(() -> search.find(TXN, Instant.parse("2026-11-20T10:00:00Z")))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.name()).isEqualTo("NOT_AUTHORIZED");
              assertThat(e.issues()).containsExactly("PERMISSION_DENIED");
              assertThat(e.debugId()).isEqualTo("9e1d2c3b4a5f6");
              assertThat(e.operation()).isEqualTo("transactions.search");
              assertThat(e.isTransient()).isFalse();
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aServerErrorIsRetriedLikeEveryRead() {
    paypal
        .token()
        .enqueueJson(503, "{\"name\":\"SERVICE_UNAVAILABLE\",\"message\":\"Try later.\"}")
        .enqueueJson(200, FOUND);

    assertThat(search.find(TXN, Instant.parse("2026-11-03T10:15:42Z"))).isPresent();
    assertThat(paypal.sleeper.waits).hasSize(1);
  }

  @Test
  void anUnreadableAnswerIsAPayPalFailure() {
    paypal.token().enqueueJson(200, "<html>gateway</html>");

    assertThatThrownBy(() -> search.find(TXN, Instant.parse("2026-11-20T10:00:00Z")))
        .isInstanceOf(PayPalException.class)
        .hasMessageContaining("transactions.search");
  }

  @Test
  void idsPayPalWouldRefuseAreRefusedBeforeAnyCall() {
    assertThat(TransactionSearch.searchable("PP-D-27803")).isFalse();
    assertThat(TransactionSearch.searchable("5TY05013RG002845M")).isTrue();
    assertThat(TransactionSearch.searchable("8AA831015G517922LXY")).isTrue();
    assertThatThrownBy(() -> search.find("short", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search.find("5TY05013RG002845M&fields=x", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(paypal.server.getRequestCount()).isZero();
  }
}
