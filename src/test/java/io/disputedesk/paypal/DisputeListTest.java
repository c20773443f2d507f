package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.json.Json;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisputeListTest {
  private final PayPalServer paypal = new PayPalServer();

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void nextLinkIsFollowedOnTheConfiguredHost() {
    paypal
        .token()
        .enqueueJson(200, Fixtures.text("list-page1-with-next.json"))
        .enqueueJson(200, Fixtures.text("list-page2-last.json"));

    DisputePage first = paypal.client.listDisputes(DisputeQuery.builder().pageSize(3).build());
    DisputePage second = paypal.client.listNext(first.nextLink().orElseThrow());

    assertThat(first.items())
        .extracting(Dispute::disputeId)
        .containsExactly("PP-R-AYP-10135034", "PP-D-208420", "PP-R-ORC-10135512");
    assertThat(first.nextLink())
        .hasValueSatisfying(
            href -> assertThat(href).startsWith("https://api-m.sandbox.paypal.com/"));
    assertThat(second.items()).extracting(Dispute::disputeId).containsExactly("PP-D-27803");
    assertThat(second.hasNext()).isFalse();

    RecordedRequest page1 = paypal.takeAfterToken();
    assertThat(page1.getPath()).isEqualTo("/v1/customer/disputes?page_size=3");
    RecordedRequest page2 = paypal.take();
    assertThat(page2.getRequestUrl().host()).isEqualTo(paypal.server.getHostName());
    assertThat(page2.getRequestUrl().port()).isEqualTo(paypal.server.getPort());
    assertThat(page2.getPath())
        .isEqualTo(
            "/v1/customer/disputes?page_size=3&next_page_token=c3RhcnRfdGltZT0yMDI2LTExLTAyVDA5OjI1OjI4LjAwMFo=");
    assertThat(page2.getHeader("Authorization")).isEqualTo("Bearer " + PayPalServer.TOKEN);
  }

  @Test
  void legacyApiHostInLinksIsAlsoRewritten() {
    paypal.token().enqueueJson(200, Fixtures.text("list-page2-last.json"));

    paypal.client.listNext(
        "https://api.sandbox.paypal.com/v1/customer/disputes?page_size=3&page=2");

    assertThat(paypal.takeAfterToken().getPath())
        .isEqualTo("/v1/customer/disputes?page_size=3&page=2");
  }

  @Test
  void basePathPrefixIsKeptForListsAndNextLinks() {
    paypal
        .token()
        .enqueueJson(200, Fixtures.text("list-page1-with-next.json"))
        .enqueueJson(200, Fixtures.text("list-page2-last.json"));
    PayPalClient prefixed =
        new PayPalClient(
            paypal.http,
            Json.newMapper(),
            new PayPalCredentials(paypal.server.url("/paypal").toString(), "id", "secret"),
            paypal.clock,
            paypal.sleeper,
            PayPalCallObserver.none());

    prefixed.listAll(DisputeQuery.all(), 2);

    assertThat(paypal.take().getPath()).isEqualTo("/paypal/v1/oauth2/token");
    assertThat(paypal.take().getPath()).isEqualTo("/paypal/v1/customer/disputes");
    assertThat(paypal.take().getPath())
        .startsWith("/paypal/v1/customer/disputes?page_size=3&next_page_token=");
  }

  @Test
  void linksOutsideTheDisputeListAreRefused() {
    assertThatThrownBy(() -> paypal.client.listNext("https://evil.example/v1/oauth2/token"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(paypal.server.getRequestCount()).isZero();
  }

  @Test
  void listAllFollowsPagesUpToTheLimit() {
    paypal
        .token()
        .enqueueJson(200, Fixtures.text("list-page1-with-next.json"))
        .enqueueJson(200, Fixtures.text("list-page2-last.json"));

    List<Dispute> all = paypal.client.listAll(DisputeQuery.all(), 10);

    assertThat(all).hasSize(4);
    assertThat(paypal.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void listAllStopsAtMaxPages() {
    paypal.token().enqueueJson(200, Fixtures.text("list-page1-with-next.json"));

    assertThat(paypal.client.listAll(DisputeQuery.all(), 1)).hasSize(3);
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void missingItemsMeanAnEmptyPage() {
    paypal.token().enqueueJson(200, Fixtures.text("list-empty.json"));

    DisputePage page = paypal.client.listDisputes(DisputeQuery.all());

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
    assertThat(paypal.takeAfterToken().getPath()).isEqualTo("/v1/customer/disputes");
  }

  @Test
  void emptyItemsArrayMeansAnEmptyPage() {
    paypal.token().enqueueJson(200, "{\"items\":[],\"links\":[]}");

    assertThat(paypal.client.listDisputes(DisputeQuery.all()).items()).isEmpty();
  }

  @Test
  void queryParametersAreNamedAsInTheSpec() {
    paypal.token().enqueueJson(200, Fixtures.text("list-empty.json"));
    DisputeQuery query =
        DisputeQuery.builder()
            .disputedTransactionId("7XB07472F52871902")
            .pageSize(50)
            .page(2)
            .disputeStates(DisputeState.REQUIRED_ACTION, DisputeState.UNDER_PAYPAL_REVIEW)
            .updateTimeAfter(Instant.parse("2026-11-01T08:30:00Z"))
            .updateTimeBefore(Instant.parse("2026-11-27T10:00:00.123Z"))
            .createTimeAfter(Instant.parse("2026-10-01T00:00:00Z"))
            .createTimeBefore(Instant.parse("2026-11-02T00:00:00Z"))
            .build();

    paypal.client.listDisputes(query);

    RecordedRequest request = paypal.takeAfterToken();
    assertThat(request.getPath())
        .isEqualTo(
            "/v1/customer/disputes"
                + "?disputed_transaction_id=7XB07472F52871902&page_size=50&page=2"
                + "&dispute_state=REQUIRED_ACTION,UNDER_PAYPAL_REVIEW"
                + "&update_time_after=2026-11-01T08:30:00.000Z&update_time_before=2026-11-27T10:00:00.123Z"
                + "&create_time_after=2026-10-01T00:00:00.000Z&create_time_before=2026-11-02T00:00:00.000Z");
    HttpUrl url = request.getRequestUrl();
    assertThat(url.queryParameter("dispute_state"))
        .isEqualTo("REQUIRED_ACTION,UNDER_PAYPAL_REVIEW");
    assertThat(url.queryParameter("update_time_after")).isEqualTo("2026-11-01T08:30:00.000Z");
  }

  @Test
  void deprecatedStartTimeAndPageTokenAreStillSent() {
    paypal.token().enqueueJson(200, Fixtures.text("list-empty.json"));

    paypal.client.listDisputes(
        DisputeQuery.builder()
            .startTime(Instant.parse("2026-11-01T00:00:00Z"))
            .nextPageToken("c3RhcnQ+/=")
            .build());

    HttpUrl url = paypal.takeAfterToken().getRequestUrl();
    assertThat(url.queryParameter("start_time")).isEqualTo("2026-11-01T00:00:00.000Z");
    assertThat(url.queryParameter("next_page_token")).isEqualTo("c3RhcnQ+/=");
  }

  @Test
  void pageSizeOutsideOneToFiftyIsRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> DisputeQuery.builder().pageSize(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page_size");
    assertThatThrownBy(() -> DisputeQuery.builder().pageSize(51).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page_size");
    assertThat(DisputeQuery.builder().pageSize(1).build().pageSize()).isEqualTo(1);
    assertThat(DisputeQuery.builder().pageSize(50).build().pageSize()).isEqualTo(50);
    assertThat(paypal.server.getRequestCount()).isZero();
  }

  @Test
  void invalidFiltersAreRejected() {
    assertThatThrownBy(() -> DisputeQuery.builder().page(51).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DisputeQuery.builder().disputedTransactionId("abc;1").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DisputeQuery.builder()
                    .disputedTransactionId("ABC")
                    .startTime(Instant.parse("2026-11-01T00:00:00Z"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DisputeQuery.builder().disputeStates(DisputeState.UNKNOWN).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void disputeIdIsCheckedBeforeAnyCall() {
    assertThatThrownBy(() -> paypal.client.getDispute("../oauth2/token"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> paypal.client.getDispute(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> paypal.client.getDispute("A".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(paypal.server.getRequestCount()).isZero();
  }

  @Test
  void getDisputeKeepsTheExactJson() {
    String body = Fixtures.text("detail-inquiry-inr-waiting-seller.json");
    paypal.token().enqueueJson(200, body);

    Dispute dispute = paypal.client.getDispute("PP-R-AYP-10135034");

    assertThat(dispute.rawJson()).isEqualTo(body);
    assertThat(dispute.disputeId()).isEqualTo("PP-R-AYP-10135034");
    assertThat(dispute.status()).isEqualTo(DisputeStatus.WAITING_FOR_SELLER_RESPONSE);
    assertThat(dispute.allows(ActionRequest.MakeOffer.ACTION)).isTrue();
    RecordedRequest request = paypal.takeAfterToken();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/v1/customer/disputes/PP-R-AYP-10135034");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
  }
}
