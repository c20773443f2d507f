package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PayPalRetryAndErrorTest {
  private final PayPalServer paypal = new PayPalServer(Duration.ofMillis(300));

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void refusalKeepsTheFieldEachIssueIsAbout() {
    paypal
        .token()
        .enqueue(
            PayPalServer.json(
                422,
                "{\"name\":\"UNPROCESSABLE_ENTITY\",\"message\":\"m\","
                    + "\"debug_id\":\"d-1\",\"details\":[{\"field\":\"/return_shipping_address\",\"location\":\"body\","
                    + "\"issue\":\"SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED\",\"description\":\"An address is needed.\"}]}"));

    assertThatThrownBy(
            () ->
                paypal.client.perform(
                    "PP-D-1",
                    new ActionRequest.MakeOffer(
                        "Half back", Money.of("10.00", "USD"), OfferType.REFUND, null, null),
                    null,
                    "req-1"))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactly(
                      new PayPalException.Problem(
                          "/return_shipping_address",
                          "SHIPPING_ADDRESS_SHOULD_NOT_BE_PASSED",
                          "An address is needed."));
              assertThat(e.userMessage())
                  .isEqualTo(
                      "On a not-as-described dispute, PayPal needs a return address for an"
                          + " offer below the disputed amount. (PayPal debug id d-1)");
            });
  }

  @Test
  void actionNotAllowedBecomesTypedException() {
    paypal
        .token()
        .enqueue(
            PayPalServer.json(422, Fixtures.text("error-422-action-not-allowed.json"))
                .setHeader("Paypal-Debug-Id", "header-debug-id"));

    assertThatThrownBy(
            () -> paypal.client.perform("PP-D-1", new ActionRequest.Escalate("x"), null, "req-1"))
        .isExactlyInstanceOf(PayPalException.class)
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(422);
              assertThat(e.name()).isEqualTo("UNPROCESSABLE_ENTITY");
              assertThat(e.issues()).containsExactly("ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE");
              assertThat(e.isActionNotAllowed()).isTrue();
              assertThat(e.debugId()).isEqualTo("f966554107b99");
              assertThat(e.operation()).isEqualTo("disputes.escalate");
              assertThat(e.userMessage())
                  .isEqualTo(
                      "PayPal no longer allows this action on the dispute. (PayPal debug id f966554107b99)");
              assertThat(e.getMessage()).contains("422", "UNPROCESSABLE_ENTITY", "f966554107b99");
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void debugIdFallsBackToTheResponseHeader() {
    paypal
        .token()
        .enqueue(new MockResponse().setResponseCode(404).setHeader("Paypal-Debug-Id", "hdr-42"));

    assertThatThrownBy(() -> paypal.client.getDispute("PP-D-404"))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(404);
              assertThat(e.debugId()).isEqualTo("hdr-42");
              assertThat(e.name()).isNull();
              assertThat(e.userMessage())
                  .isEqualTo("PayPal could not find this dispute. (PayPal debug id hdr-42)");
            });
  }

  @Test
  void badRequestDetailsAreReadFromTheBody() {
    paypal.token().enqueueJson(400, Fixtures.text("error-400-invalid-page-size.json"));

    assertThatThrownBy(() -> paypal.client.listDisputes(DisputeQuery.all()))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.name()).isEqualTo("VALIDATION_ERROR");
              assertThat(e.hasIssue("INVALID_PAGE_SIZE")).isTrue();
              assertThat(e.isActionNotAllowed()).isFalse();
              assertThat(e.isTransient()).isFalse();
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void insufficientFundsHasAPlainMessage() {
    paypal
        .token()
        .enqueueJson(
            422,
            "{\"name\":\"UNPROCESSABLE_ENTITY\",\"message\":\"m\",\"debug_id\":\"d1\","
                + "\"details\":[{\"issue\":\"INSUFFICIENT_FUNDS\"}]}");

    assertThatThrownBy(
            () ->
                paypal.client.perform(
                    "PP-D-1", ActionRequest.AcceptClaim.fullRefund("r"), null, "q"))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e ->
                assertThat(e.userMessage())
                    .isEqualTo("Your PayPal balance is too low to refund. (PayPal debug id d1)"));
  }

  @Test
  void throttledGetHonoursRetryAfterAndSucceeds() {
    paypal
        .token()
        .enqueue(
            PayPalServer.json(
                    429,
                    "{\"name\":\"RATE_LIMIT_REACHED\",\"message\":\"Too many\",\"debug_id\":\"r1\"}")
                .setHeader("Retry-After", "1"))
        .enqueueJson(200, Fixtures.text("detail-inquiry-open-new.json"));

    Dispute dispute = paypal.client.getDispute("PP-000-042-663-135");

    assertThat(dispute.disputeId()).isEqualTo("PP-000-042-663-135");
    assertThat(paypal.sleeper.waits).containsExactly(Duration.ofSeconds(1));
    assertThat(paypal.observer.calls)
        .containsExactly("oauth2.token:200", "disputes.get:429", "disputes.get:200");
  }

  @Test
  void serverErrorsOnGetAreRetriedWithGrowingBackoff() {
    paypal
        .token()
        .enqueueJson(
            500, "{\"name\":\"INTERNAL_SERVER_ERROR\",\"message\":\"x\",\"debug_id\":\"e1\"}")
        .enqueue(new MockResponse().setResponseCode(503))
        .enqueueJson(200, Fixtures.text("list-empty.json"));

    assertThat(paypal.client.listDisputes(DisputeQuery.all()).items()).isEmpty();

    assertThat(paypal.sleeper.waits).hasSize(2);
    assertThat(paypal.sleeper.waits.get(0))
        .isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
    assertThat(paypal.sleeper.waits.get(1))
        .isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void getGivesUpAfterFourAttempts() {
    paypal.token();
    for (int i = 0; i < 4; i++) {
      paypal.enqueue(new MockResponse().setResponseCode(502));
    }

    assertThatThrownBy(() -> paypal.client.getDispute("PP-D-1"))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e).isNotInstanceOf(ActionOutcomeUnknownException.class);
              assertThat(e.httpStatus()).isEqualTo(502);
              assertThat(e.isTransient()).isTrue();
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(5);
    assertThat(paypal.sleeper.waits).hasSize(3);
  }

  @Test
  void getTimeoutIsRetried() {
    paypal
        .token()
        .enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE))
        .enqueueJson(200, Fixtures.text("detail-inquiry-open-new.json"));

    assertThat(paypal.client.getDispute("PP-D-1").disputeId()).isEqualTo("PP-000-042-663-135");
    assertThat(paypal.observer.calls)
        .containsExactly("oauth2.token:200", "disputes.get:0", "disputes.get:200");
  }

  @Test
  void hugeRetryAfterIsNotWaitedFor() {
    paypal
        .token()
        .enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600"));

    assertThatThrownBy(() -> paypal.client.getDispute("PP-D-1"))
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
    assertThat(paypal.sleeper.waits).isEmpty();
  }

  @Test
  void tokenFetchIsRetriedOnServerError() {
    paypal
        .enqueue(new MockResponse().setResponseCode(503))
        .token()
        .enqueueJson(200, Fixtures.text("detail-inquiry-open-new.json"));

    paypal.client.getDispute("PP-D-1");

    assertThat(paypal.observer.calls)
        .containsExactly("oauth2.token:503", "oauth2.token:200", "disputes.get:200");
  }

  @Test
  void actionTimeoutIsUnknownOutcomeAfterExactlyOneRequest() {
    paypal.token().enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));

    assertThatThrownBy(
            () ->
                paypal.client.perform(
                    "PP-D-1", new ActionRequest.SendMessage("hello"), null, "req-1"))
        .isInstanceOfSatisfying(
            ActionOutcomeUnknownException.class,
            e -> {
              assertThat(e.httpStatus()).isZero();
              assertThat(e.userMessage()).startsWith("PayPal did not confirm the action");
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
    assertThat(paypal.sleeper.waits).isEmpty();
  }

  @Test
  void actionServerErrorIsUnknownOutcomeAfterExactlyOneRequest() {
    paypal
        .token()
        .enqueueJson(
            500, "{\"name\":\"INTERNAL_SERVER_ERROR\",\"message\":\"oops\",\"debug_id\":\"d500\"}");

    assertThatThrownBy(
            () -> paypal.client.perform("PP-D-1", new ActionRequest.Escalate("x"), null, "req-1"))
        .isInstanceOfSatisfying(
            ActionOutcomeUnknownException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(500);
              assertThat(e.debugId()).isEqualTo("d500");
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void throttledActionIsNotExecutedAndNotRetried() {
    paypal.token().enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1"));

    assertThatThrownBy(
            () -> paypal.client.perform("PP-D-1", new ActionRequest.Escalate("x"), null, "req-1"))
        .isExactlyInstanceOf(PayPalException.class)
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
    assertThat(paypal.server.getRequestCount()).isEqualTo(2);
    assertThat(paypal.sleeper.waits).isEmpty();
  }

  @Test
  void refusedConnectionOnActionMeansNothingWasSent() throws IOException {
    paypal.token().enqueueJson(200, Fixtures.text("detail-inquiry-open-new.json"));
    paypal.client.getDispute("PP-D-1");
    paypal.http.connectionPool().evictAll();
    paypal.server.shutdown();

    assertThatThrownBy(
            () -> paypal.client.perform("PP-D-1", new ActionRequest.Escalate("x"), null, "req-1"))
        .isExactlyInstanceOf(PayPalException.class)
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.httpStatus()).isZero();
              assertThat(e.getMessage()).contains("nothing was sent");
            });
    assertThat(paypal.sleeper.waits).isEmpty();
  }

  @Test
  void unreachablePayPalFailsReadsAfterRetriesWithStatusZero() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RecordingSleeper sleeper = new RecordingSleeper();
    PayPalClient client =
        new PayPalClient(
            new OkHttpClient(),
            Json.newMapper(),
            new PayPalCredentials("http://127.0.0.1:" + closedPort, "id", "secret"),
            Clock.systemUTC(),
            sleeper,
            PayPalCallObserver.none());

    assertThatThrownBy(() -> client.listDisputes(DisputeQuery.all()))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.httpStatus()).isZero();
              assertThat(e.operation()).isEqualTo("oauth2.token");
            });
    assertThat(sleeper.waits).hasSize(3);
  }

  @Test
  void observerSeesEveryAttemptWithItsStatus() {
    paypal.token().enqueueJson(200, Fixtures.text("action-response-200.json"));

    paypal.client.perform("PP-D-1", new ActionRequest.Escalate("x"), List.of(), "req-1");

    assertThat(paypal.observer.calls).containsExactly("oauth2.token:200", "disputes.escalate:200");
  }
}
