package io.disputedesk.sim.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSlackControlsTest {
  private static final String CHANNEL = "C0A1B2C3F";

  private final LocalSlackFixture f = new LocalSlackFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void missingTokenIsNotAuthedAndWrongTokenIsInvalidAuth() throws Exception {
    HttpResponse<String> missing =
        f.raw("auth.test", "application/x-www-form-urlencoded", "", Map.of());
    HttpResponse<String> wrong =
        f.raw(
            "auth.test",
            "application/x-www-form-urlencoded",
            "",
            Map.of("Authorization", "Bearer xoxb-wrong"));
    var viaSdk = f.sdk.methods("xoxb-wrong").chatPostMessage(r -> r.channel(CHANNEL).text("x"));

    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(missing.body()).isEqualTo("{\"ok\":false,\"error\":\"not_authed\"}");
    assertThat(wrong.body()).isEqualTo("{\"ok\":false,\"error\":\"invalid_auth\"}");
    assertThat(viaSdk.getError()).isEqualTo("invalid_auth");
    assertThat(f.slack.messages(CHANNEL)).isEmpty();
  }

  @Test
  void unknownMethodIsUnknownMethod() {
    HttpResponse<String> reply =
        f.raw("chat.teleport", "application/x-www-form-urlencoded", "", f.bearer());

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{\"ok\":false,\"error\":\"unknown_method\"}");
  }

  @Test
  void jsonBodiesWorkLikeForms() {
    HttpResponse<String> reply =
        f.raw(
            "chat.postMessage",
            "application/json; charset=utf-8",
            "{\"channel\":\"C0A1B2C3F\",\"text\":\"Zoë ✓\",\"blocks\":[{\"type\":\"divider\"}],"
                + "\"metadata\":{\"event_type\":\"dispute_card\",\"event_payload\":{\"dispute_id\":\"D-9\"}}}",
            f.bearer());

    assertThat(reply.body()).startsWith("{\"ok\":true,");
    SlackMessage message = f.slack.messages(CHANNEL).get(0);
    assertThat(message.text()).isEqualTo("Zoë ✓");
    assertThat(message.blocks().get(0).path("type").asText()).isEqualTo("divider");
    assertThat(message.metadata().eventPayload().path("dispute_id").asText()).isEqualTo("D-9");
    assertThat(f.raw("chat.postMessage", "application/json", "{oops", f.bearer()).body())
        .isEqualTo("{\"ok\":false,\"error\":\"invalid_json\"}");
  }

  @Test
  void everyCallIsRecordedWithHeadersDecodedParamsAndRawBody() throws Exception {
    f.api.chatPostMessage(r -> r.channel(CHANNEL).text("a & b = c"));
    f.api.authTest(r -> r);

    assertThat(f.slack.calls())
        .extracting(ApiCall::method)
        .containsExactly("chat.postMessage", "auth.test");
    ApiCall post = f.slack.calls("chat.postMessage").get(0);
    assertThat(post.param("text")).isEqualTo("a & b = c");
    assertThat(post.rawBody()).contains("text=a%20%26%20b%20%3D%20c");
    assertThat(post.header("content-type")).startsWith("application/x-www-form-urlencoded");
    assertThat(post.toString()).doesNotContain(f.slack.botToken());
  }

  @Test
  void rateLimitFaultAnswers429WithRetryAfterForTheNextCallsOnly() throws Exception {
    f.slack.failNext("chat.postMessage", 2, Fault.rateLimited(3));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> f.api.chatPostMessage(r -> r.channel(CHANNEL).text("x")))
          .isInstanceOfSatisfying(
              SlackApiException.class,
              e -> {
                assertThat(e.getResponse().code()).isEqualTo(429);
                assertThat(e.getResponse().header("Retry-After")).isEqualTo("3");
                assertThat(e.getError().getError()).isEqualTo("ratelimited");
              });
    }
    assertThat(f.api.chatPostMessage(r -> r.channel(CHANNEL).text("x")).isOk()).isTrue();
    assertThat(f.slack.messages(CHANNEL)).hasSize(1);
    assertThat(f.slack.calls("chat.postMessage")).hasSize(3);
  }

  @Test
  void errorAndServerErrorFaults() throws Exception {
    f.slack.failNext("chat.update", 1, Fault.error("channel_not_found"));
    f.slack.failNext("auth.test", 1, Fault.serverError());

    assertThat(f.api.chatUpdate(r -> r.channel(CHANNEL).ts("1.0").text("x")).getError())
        .isEqualTo("channel_not_found");
    assertThatThrownBy(() -> f.api.authTest(r -> r))
        .isInstanceOfSatisfying(
            SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(500));
    assertThat(f.api.authTest(r -> r).isOk()).isTrue();
  }

  @Test
  void pausedCallWaitsUntilReleased() throws Exception {
    Pause pause = f.slack.pauseNext("chat.postMessage", Pause.At.BEFORE_HANDLING);
    CompletableFuture<ChatPostMessageResponse> call =
        CompletableFuture.supplyAsync(() -> post("held"));

    assertThat(pause.awaitArrival(Duration.ofSeconds(5))).isTrue();
    assertThat(call).isNotDone();
    assertThat(f.slack.messages(CHANNEL)).isEmpty();
    pause.release();

    assertThat(call.get(5, TimeUnit.SECONDS).isOk()).isTrue();
    assertThat(f.slack.messages(CHANNEL)).hasSize(1);
  }

  @Test
  void droppedCallAfterHandlingLeavesTheMessagePostedButTheCallerWithoutAnAnswer()
      throws Exception {
    Pause pause = f.slack.pauseNext("chat.postMessage", Pause.At.BEFORE_RESPONDING);
    CompletableFuture<ChatPostMessageResponse> call =
        CompletableFuture.supplyAsync(() -> post("sent, answer lost"));

    assertThat(pause.awaitArrival(Duration.ofSeconds(5))).isTrue();
    assertThat(f.slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly("sent, answer lost");
    pause.releaseAndDrop();

    assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseInstanceOf(IOException.class);
  }

  @Test
  void closingCutsCallsStillHeld() throws Exception {
    Pause pause = f.slack.pauseNext("auth.test", Pause.At.BEFORE_HANDLING);
    CompletableFuture<Boolean> call =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return f.api.authTest(r -> r).isOk();
              } catch (IOException | SlackApiException e) {
                return false;
              }
            });
    assertThat(pause.awaitArrival(Duration.ofSeconds(5))).isTrue();

    f.slack.close();

    assertThat(call.get(5, TimeUnit.SECONDS)).isFalse();
  }

  private ChatPostMessageResponse post(String text) {
    try {
      return f.api.chatPostMessage(r -> r.channel(CHANNEL).text(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SlackApiException e) {
      throw new IllegalStateException(e);
    }
  }
}
