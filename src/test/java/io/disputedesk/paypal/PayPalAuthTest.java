package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PayPalAuthTest {
  private final PayPalServer paypal = new PayPalServer();

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void tokenRequestUsesBasicAuthAndClientCredentialsForm() {
    paypal.token().enqueueJson(200, Fixtures.text("detail-inquiry-open-new.json"));

    paypal.client.getDispute("PP-D-1");

    RecordedRequest token = paypal.take();
    assertThat(token.getMethod()).isEqualTo("POST");
    assertThat(token.getPath()).isEqualTo("/v1/oauth2/token");
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (PayPalServer.CLIENT_ID + ":" + PayPalServer.SECRET)
                        .getBytes(StandardCharsets.UTF_8));
    assertThat(token.getHeader("Authorization")).isEqualTo(expected);
    assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(token.getBody().readUtf8()).isEqualTo("grant_type=client_credentials");
    RecordedRequest get = paypal.take();
    assertThat(get.getHeader("Authorization")).isEqualTo("Bearer " + PayPalServer.TOKEN);
  }

  @Test
  void tokenIsFetchedOnceAndReusedAcrossCalls() {
    paypal.token();
    for (int i = 0; i < 3; i++) {
      paypal.enqueueJson(200, Fixtures.text("detail-inquiry-open-new.json"));
    }

    for (int i = 0; i < 3; i++) {
      paypal.client.getDispute("PP-D-1");
    }

    assertThat(paypal.server.getRequestCount()).isEqualTo(4);
    assertThat(paypal.take().getPath()).isEqualTo("/v1/oauth2/token");
    for (int i = 0; i < 3; i++) {
      assertThat(paypal.take().getHeader("Authorization"))
          .isEqualTo("Bearer " + PayPalServer.TOKEN);
    }
  }

  @Test
  void tokenIsRefreshedShortlyBeforeItExpires() {
    String dispute = Fixtures.text("detail-inquiry-open-new.json");
    paypal
        .token("first", 3600)
        .enqueueJson(200, dispute)
        .enqueueJson(200, dispute)
        .token("second", 3600)
        .enqueueJson(200, dispute);

    paypal.client.getDispute("PP-D-1");
    paypal.clock.advance(Duration.ofMinutes(54));
    paypal.client.getDispute("PP-D-1");
    paypal.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    paypal.client.getDispute("PP-D-1");

    assertThat(paypal.take().getPath()).isEqualTo("/v1/oauth2/token");
    assertThat(paypal.take().getHeader("Authorization")).isEqualTo("Bearer first");
    assertThat(paypal.take().getHeader("Authorization")).isEqualTo("Bearer first");
    assertThat(paypal.take().getPath()).isEqualTo("/v1/oauth2/token");
    assertThat(paypal.take().getHeader("Authorization")).isEqualTo("Bearer second");
  }

  @Test
  void unauthorizedCallRefreshesTokenOnceAndRetries() {
    paypal
        .token("stale", 32400)
        .enqueueJson(401, Fixtures.text("error-401-invalid-token.json"))
        .token("fresh", 32400)
        .enqueueJson(200, Fixtures.text("detail-inquiry-open-new.json"));

    Dispute dispute = paypal.client.getDispute("PP-D-1");

    assertThat(dispute.disputeId()).isEqualTo("PP-000-042-663-135");
    assertThat(paypal.take().getPath()).isEqualTo("/v1/oauth2/token");
    assertThat(paypal.take().getHeader("Authorization")).isEqualTo("Bearer stale");
    assertThat(paypal.take().getPath()).isEqualTo("/v1/oauth2/token");
    assertThat(paypal.take().getHeader("Authorization")).isEqualTo("Bearer fresh");
    assertThat(paypal.server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void secondUnauthorizedIsThrownWithoutFurtherRetries() {
    paypal
        .token("stale", 32400)
        .enqueueJson(401, Fixtures.text("error-401-invalid-token.json"))
        .token("fresh", 32400)
        .enqueueJson(401, Fixtures.text("error-401-invalid-token.json"));

    assertThatThrownBy(() -> paypal.client.getDispute("PP-D-1"))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.name()).isEqualTo("invalid_token");
              assertThat(e.paypalMessage()).isEqualTo("Access Token not found in cache");
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void unauthorizedActionIsRetriedOnceWithFreshTokenAndSameRequestId() {
    paypal
        .token("stale", 32400)
        .enqueueJson(401, Fixtures.text("error-401-invalid-token.json"))
        .token("fresh", 32400)
        .enqueueJson(200, Fixtures.text("action-response-200.json"));

    ActionResult result =
        paypal.client.perform(
            "PP-D-1", new ActionRequest.Escalate("Please decide."), null, "req-1");

    assertThat(result.httpStatus()).isEqualTo(200);
    RecordedRequest first = paypal.takeAfterToken();
    paypal.take();
    RecordedRequest second = paypal.take();
    assertThat(first.getHeader("Authorization")).isEqualTo("Bearer stale");
    assertThat(second.getHeader("Authorization")).isEqualTo("Bearer fresh");
    assertThat(second.getHeader("PayPal-Request-Id")).isEqualTo("req-1");
    assertThat(second.getBody().readUtf8()).isEqualTo("{\"note\":\"Please decide.\"}");
  }

  @Test
  void rejectedClientCredentialsFailWithoutRetry() {
    paypal.enqueueJson(
        401,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client Authentication failed\"}");

    assertThatThrownBy(() -> paypal.client.getDispute("PP-D-1"))
        .isInstanceOfSatisfying(
            PayPalException.class,
            e -> {
              assertThat(e.operation()).isEqualTo("oauth2.token");
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.name()).isEqualTo("invalid_client");
              assertThat(e.userMessage()).startsWith("The bot could not sign in to PayPal");
            });
    assertThat(paypal.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void concurrentCallersShareOneTokenFetch() throws Exception {
    AtomicInteger tokenRequests = new AtomicInteger();
    paypal.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (request.getPath().equals("/v1/oauth2/token")) {
              tokenRequests.incrementAndGet();
              return PayPalServer.json(200, Fixtures.text("oauth2-token-response.json"))
                  .setBodyDelay(200, TimeUnit.MILLISECONDS);
            }
            return PayPalServer.json(200, Fixtures.text("detail-inquiry-open-new.json"));
          }
        });
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Dispute>> results = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> paypal.client.getDispute("PP-D-1")));
      }
      for (Future<Dispute> result : results) {
        assertThat(result.get(5, TimeUnit.SECONDS).disputeId()).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(tokenRequests).hasValue(1);
    assertThat(paypal.server.getRequestCount()).isEqualTo(7);
  }

  @Test
  void invalidateTokenForcesANewFetch() {
    String dispute = Fixtures.text("detail-inquiry-open-new.json");
    paypal
        .token("first", 32400)
        .enqueueJson(200, dispute)
        .token("second", 32400)
        .enqueueJson(200, dispute);

    paypal.client.getDispute("PP-D-1");
    paypal.client.invalidateToken();
    paypal.client.getDispute("PP-D-1");

    paypal.take();
    paypal.take();
    assertThat(paypal.take().getPath()).isEqualTo("/v1/oauth2/token");
    assertThat(paypal.take().getHeader("Authorization")).isEqualTo("Bearer second");
  }
}
