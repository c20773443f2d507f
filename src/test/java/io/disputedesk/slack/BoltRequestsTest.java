package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import io.disputedesk.http.FormCodec;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A block action built with the shared Gson is the request Bolt's own parser builds, field for
 * field; every other request is Bolt's own.
 */
class BoltRequestsTest {
  private final AppConfig config =
      AppConfig.builder().signingSecret("secret").singleTeamBotToken("xoxb-test").build();
  private final BoltRequests ours = new BoltRequests(config);
  private final SlackRequestParser bolts = new SlackRequestParser(config);

  @Test
  void capturedCardClickIsBoltsRequest() {
    assertSameBlockAction(http(read("block_actions_button.form.txt"), null));
  }

  @Test
  void cardClickWithForwardedForAndQueryIsBoltsRequest() {
    String body =
        SlackRequests.blockAction("dd_make_offer")
            .value("PP-D-1")
            .user("U1", "ann")
            .triggerId("1.2.abc")
            .inMessage("C1", "1732700000.000100", "https://hooks.slack.com/actions/T/1/x")
            .body()
            .body();
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri("/slack/events")
            .queryString(Map.of("retry", List.of("1")))
            .requestBody(body)
            .headers(
                new RequestHeaders(
                    Map.of(
                        "content-type",
                        List.of(SlackBody.FORM),
                        "x-forwarded-for",
                        List.of("10.0.0.7"))))
            .remoteAddress("127.0.0.1")
            .build();

    BlockActionRequest request = assertSameBlockAction(raw);

    assertThat(request.getClientIpAddress()).isEqualTo("10.0.0.7");
    assertThat(request.getQueryString()).containsEntry("retry", List.of("1"));
  }

  @Test
  void clickInsideAModalWithItsStateIsBoltsRequest() {
    String body =
        SlackRequests.blockAction("dd_offer_type")
            .user("U2", "bo")
            .inView("V1", "modal", "dd_view_make_offer", "{\"d\":\"PP-D-2\"}")
            .state(new StateValues().plainText("note", "note", "Hello <!channel>"))
            .selectedOption("REFUND", "Refund")
            .body()
            .body();

    BlockActionRequest request = assertSameBlockAction(http(body, "127.0.0.1"));

    assertThat(request.getPayload().getView().getCallbackId()).isEqualTo("dd_view_make_offer");
    assertThat(request.getResponseUrl()).isNull();
  }

  @Test
  void otherRequestsAreBoltsOwn() {
    Request<?> submission = ours.parse(http(read("view_submission_modal.form.txt"), null));
    Request<?> command = ours.parse(http(read("slash_command.form.txt"), null));

    assertThat(submission.getClass())
        .isEqualTo(bolts.parse(http(read("view_submission_modal.form.txt"), null)).getClass());
    assertThat(command.getClass())
        .isEqualTo(bolts.parse(http(read("slash_command.form.txt"), null)).getClass());
  }

  @Test
  void aBlockActionWithoutAUserNamesNoOne() {
    String body = "payload=" + FormCodec.encodePart("{\"type\":\"block_actions\",\"actions\":[]}");

    Request<?> request = ours.parse(http(body, null));

    assertThat(request).isInstanceOf(BlockActionRequest.class);
    assertThat(request.getContext().getRequestUserId()).isNull();
  }

  @Test
  void anUnreadableBlockActionThrowsAsBoltsParserDoes() {
    String body = "payload=" + FormCodec.encodePart("{\"type\":\"block_actions\",\"actions\":{");

    assertThatThrownBy(() -> ours.parse(http(body, null))).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> bolts.parse(http(body, null))).isInstanceOf(RuntimeException.class);
  }

  private BlockActionRequest assertSameBlockAction(SlackRequestParser.HttpRequest raw) {
    Request<?> built = ours.parse(raw);
    BlockActionRequest expected = (BlockActionRequest) bolts.parse(raw);

    assertThat(built).isInstanceOf(BlockActionRequest.class).isNotSameAs(expected);
    BlockActionRequest request = (BlockActionRequest) built;
    assertThat(request.getPayload()).isNotNull().isEqualTo(expected.getPayload());
    assertThat(request.getRequestType()).isEqualTo(expected.getRequestType());
    assertThat(request.getRequestBodyAsString()).isEqualTo(expected.getRequestBodyAsString());
    assertThat(request.getHeaders()).isSameAs(expected.getHeaders());
    assertThat(request.getResponseUrl()).isEqualTo(expected.getResponseUrl());
    assertThat(request.getClientIpAddress()).isEqualTo(expected.getClientIpAddress());
    assertThat(request.getQueryString()).isEqualTo(expected.getQueryString());
    assertThat(request.isSocketMode()).isEqualTo(expected.isSocketMode());
    assertSameContext(request.getContext(), expected.getContext());
    return request;
  }

  private static void assertSameContext(ActionContext ours, ActionContext bolts) {
    assertThat(ours.getRequestUserId()).isNotNull().isEqualTo(bolts.getRequestUserId());
    assertThat(ours.getTeamId()).isEqualTo(bolts.getTeamId());
    assertThat(ours.getEnterpriseId()).isEqualTo(bolts.getEnterpriseId());
    assertThat(ours.getTriggerId()).isEqualTo(bolts.getTriggerId());
    assertThat(ours.getResponseUrl()).isEqualTo(bolts.getResponseUrl());
    assertThat(ours.getFunctionBotAccessToken()).isEqualTo(bolts.getFunctionBotAccessToken());
    assertThat(ours.getFunctionExecutionId()).isEqualTo(bolts.getFunctionExecutionId());
    assertThat(ours.getBotToken()).isEqualTo(bolts.getBotToken());
    assertThat(ours.getSlack()).isSameAs(bolts.getSlack());
  }

  private static SlackRequestParser.HttpRequest http(String body, String remote) {
    return SlackRequestParser.HttpRequest.builder()
        .requestUri("/slack/events")
        .requestBody(body)
        .headers(new RequestHeaders(Map.of("content-type", List.of(SlackBody.FORM))))
        .remoteAddress(remote)
        .build();
  }

  private static String read(String name) {
    try (InputStream in = BoltRequestsTest.class.getResourceAsStream("/slack/payloads/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
