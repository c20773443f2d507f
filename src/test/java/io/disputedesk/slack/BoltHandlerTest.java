package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.disputedesk.http.FormCodec;
import io.disputedesk.json.Json;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.testing.StateValues;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Status codes and ack bodies of the Slack front door, over real HTTP with real signatures. */
class BoltHandlerTest {
  private final List<Integer> retryNums = new CopyOnWriteArrayList<>();
  private final List<String> clickers = new CopyOnWriteArrayList<>();
  private final FrontDoor door =
      new FrontDoor(
          app -> {
            app.blockAction(
                "dispute_refresh",
                (req, ctx) -> {
                  clickers.add(String.valueOf(req.getPayload().getUser().getId()));
                  return ctx.ack();
                });
            app.command(
                "/disputes", (req, ctx) -> ctx.ack("Looking up " + req.getPayload().getText()));
            app.viewSubmission(
                "dispute_resolve_modal",
                (req, ctx) -> {
                  var notes =
                      req.getPayload()
                          .getView()
                          .getState()
                          .getValues()
                          .get("notes_block")
                          .get("notes");
                  return notes.getValue() == null
                      ? ctx.ackWithErrors(Map.of("notes_block", "Add a note"))
                      : ctx.ack();
                });
            app.event(
                AppHomeOpenedEvent.class,
                (req, ctx) -> {
                  retryNums.add(ctx.getRetryNum());
                  return ctx.ack();
                });
          });

  @AfterEach
  void close() {
    door.close();
  }

  @Test
  void urlVerificationIsAnsweredWithTheChallenge() {
    SignedPost.Reply reply =
        door.post.send(SlackRequests.urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gm"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gm");
    assertThat(reply.header("Content-Type")).startsWith("text/plain");
  }

  @Test
  void signedSlashCommandGetsTheAckBody() {
    SignedPost.Reply reply =
        door.post.send(SlackRequests.slashCommand("/disputes").text("open D-1042").body());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.body()).isEqualTo("{\"text\":\"Looking up open D-1042\"}");
  }

  @Test
  void nonAsciiBodyVerifiesAsUtf8() {
    SignedPost.Reply reply =
        door.post.send(SlackRequests.slashCommand("/disputes").text("Zoë ✓ 払い戻し").body());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("Looking up Zoë ✓ 払い戻し");
  }

  @Test
  void unsignedRequestIsUnauthorized() {
    SlackBody body = SlackRequests.slashCommand("/disputes").text("open").body();

    SignedPost.Reply reply = door.post.raw(body.contentType(), bytes(body), Map.of());

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void unsignedSslCheckGetsABare200AndRunsNothing() {
    byte[] check = "ssl_check=1&token=legacyVerificationTokenXYZ".getBytes(StandardCharsets.UTF_8);
    byte[] smuggled = "ssl_check=1&command=%2Fdisputes&text=open".getBytes(StandardCharsets.UTF_8);
    byte[] notACheck = "ssl_check=0&command=%2Fdisputes&text=open".getBytes(StandardCharsets.UTF_8);

    SignedPost.Reply plain = door.post.raw(SlackBody.FORM, check, Map.of());
    SignedPost.Reply withCommand = door.post.raw(SlackBody.FORM, smuggled, Map.of());

    assertThat(plain.status()).isEqualTo(200);
    assertThat(withCommand.status()).isEqualTo(200);
    assertThat(withCommand.body()).isEmpty();
    assertThat(door.post.raw(SlackBody.FORM, notACheck, Map.of()).status()).isEqualTo(401);
    assertThat(
            door.post
                .raw(
                    SlackBody.FORM,
                    "ssl_check=1&x=%E0%A4%A".getBytes(StandardCharsets.UTF_8),
                    Map.of())
                .status())
        .isEqualTo(401);
  }

  @Test
  void requestSignedWithAnotherSecretIsUnauthorized() {
    SignedPost.Reply reply =
        door.signedWith("not-the-secret").send(SlackRequests.slashCommand("/disputes").body());

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void signatureSixMinutesOldIsUnauthorized() {
    long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

    SignedPost.Reply reply =
        door.post.sendAt(SlackRequests.slashCommand("/disputes").body(), sixMinutesAgo);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void signatureMoreThanFiveMinutesInTheFutureIsUnauthorized() {
    long sixMinutesAhead = Instant.now().plusSeconds(360).getEpochSecond();
    long fourMinutesAhead = Instant.now().plusSeconds(240).getEpochSecond();

    SignedPost.Reply future =
        door.post.sendAt(SlackRequests.slashCommand("/disputes").body(), sixMinutesAhead);
    SignedPost.Reply nearFuture =
        door.post.sendAt(SlackRequests.slashCommand("/disputes").body(), fourMinutesAhead);

    assertThat(future.status()).isEqualTo(401);
    assertThat(nearFuture.status()).isEqualTo(200);
  }

  @Test
  void signatureWrongInItsLastCharacterIsUnauthorized() {
    SlackBody body = SlackRequests.slashCommand("/disputes").text("open D-1").body();
    Map<String, String> headers =
        new java.util.LinkedHashMap<>(
            new SlackSigner(FrontDoor.SIGNING_SECRET).headers(body.body()));
    String right = headers.get(SlackSigner.SIGNATURE_HEADER);
    char last = right.charAt(right.length() - 1);
    headers.put(
        SlackSigner.SIGNATURE_HEADER,
        right.substring(0, right.length() - 1) + (last == 'a' ? 'b' : 'a'));

    SignedPost.Reply wrong = door.post.raw(body.contentType(), bytes(body), headers);
    headers.put(SlackSigner.SIGNATURE_HEADER, right.toUpperCase(java.util.Locale.ROOT));
    SignedPost.Reply upperCase = door.post.raw(body.contentType(), bytes(body), headers);
    headers.put(SlackSigner.TIMESTAMP_HEADER, "not-a-number");
    SignedPost.Reply badTimestamp = door.post.raw(body.contentType(), bytes(body), headers);

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(upperCase.status()).isEqualTo(401);
    assertThat(badTimestamp.status()).isEqualTo(401);
  }

  @Test
  void signedEventsTheBotDoesNotHandleAreAcknowledged() {
    var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    List<com.fasterxml.jackson.databind.node.ObjectNode> events =
        List.of(
            json.objectNode()
                .put("type", "app_mention")
                .put("user", "U0A1B2C3E")
                .put("text", "<@U0A1B2BOT> hi")
                .put("channel", "C0A1B2C3F")
                .put("ts", "1732700200.000100")
                .put("event_ts", "1732700200.000100"),
            json.objectNode()
                .put("type", "message")
                .put("user", "U0A1B2C3E")
                .put("text", "hello")
                .put("channel", "C0A1B2C3F")
                .put("ts", "1732700200.000200")
                .put("event_ts", "1732700200.000200"),
            json.objectNode()
                .put("type", "message")
                .put("subtype", "message_changed")
                .put("channel", "C0A1B2C3F")
                .put("ts", "1732700200.000300"),
            json.objectNode()
                .put("type", "reaction_added")
                .put("user", "U0A1B2C3E")
                .put("reaction", "eyes"),
            json.objectNode().put("type", "brand_new_event_type_2027").put("whatever", true));
    int n = 0;
    for (var event : events) {
      SignedPost.Reply reply =
          door.post.send(SlackRequests.eventCallback(event, "Ev0UNHANDLED" + n++));
      assertThat(reply.status()).as(event.path("type").asText()).isEqualTo(200);
    }
    for (String revoking : List.of("app_uninstalled", "tokens_revoked")) {
      var event = json.objectNode().put("type", revoking).put("event_ts", "1732700300.000100");
      event.putObject("tokens").putArray("bot").add("U0A1B2BOT");
      assertThat(door.post.send(SlackRequests.eventCallback(event, "Ev0" + revoking)).status())
          .as(revoking)
          .isEqualTo(200);
    }
  }

  @Test
  void bodyTamperedAfterSigningIsUnauthorized() {
    SlackBody body = SlackRequests.slashCommand("/disputes").text("open D-1").body();
    Map<String, String> headers = new SlackSigner(FrontDoor.SIGNING_SECRET).headers(body.body());

    SignedPost.Reply reply =
        door.post.raw(
            body.contentType(),
            body.body().replace("D-1", "D-2").getBytes(StandardCharsets.UTF_8),
            headers);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void garbageBodyIsBadRequest() {
    assertThat(door.post.send(SlackBody.form("hello world")).status()).isEqualTo(400);
    assertThat(door.post.send(SlackBody.json("{not json")).status()).isEqualTo(400);
    assertThat(door.post.send(SlackBody.json("[1,2,3]")).status()).isEqualTo(400);
    assertThat(door.post.send(SlackBody.form("%E0%A4%A")).status()).isEqualTo(400);
  }

  @Test
  void invalidJsonInPayloadIsBadRequest() {
    assertThat(door.post.send(SlackBody.form("payload=%7Bnot+json")).status()).isEqualTo(400);
    assertThat(
            door.post
                .send(SlackBody.form("payload=%7B%22type%22%3A%22view_submission%22%7D"))
                .status())
        .isEqualTo(400);
    assertThat(
            door.post
                .send(SlackBody.json("{\"type\":\"event_callback\",\"event\":\"x\"}"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void emptyBodyIsBadRequest() {
    assertThat(door.post.send(SlackBody.form("")).status()).isEqualTo(400);
  }

  @Test
  void twoMebibyteBodyIsPayloadTooLarge() {
    byte[] huge = ("text=" + "x".repeat(2 << 20)).getBytes(StandardCharsets.UTF_8);

    SignedPost.Reply reply = door.post.raw(SlackBody.FORM, huge, Map.of());

    assertThat(reply.status()).isEqualTo(413);
  }

  @Test
  void unknownPathIsNotFound() {
    SignedPost other =
        new SignedPost(door.uri("/slack/other"), new SlackSigner(FrontDoor.SIGNING_SECRET));

    assertThat(other.send(SlackRequests.slashCommand("/disputes").body()).status()).isEqualTo(404);
  }

  @Test
  void viewSubmissionWithErrorsKeepsTheModalOpen() {
    SignedPost.Reply missingNote =
        door.post.send(
            SlackRequests.viewSubmission("dispute_resolve_modal")
                .state(new StateValues().plainText("notes_block", "notes", null))
                .body());
    SignedPost.Reply withNote =
        door.post.send(
            SlackRequests.viewSubmission("dispute_resolve_modal")
                .state(new StateValues().plainText("notes_block", "notes", "Tracking attached"))
                .body());

    assertThat(missingNote.status()).isEqualTo(200);
    assertThat(missingNote.body())
        .isEqualTo("{\"response_action\":\"errors\",\"errors\":{\"notes_block\":\"Add a note\"}}");
    assertThat(withNote.status()).isEqualTo(200);
    assertThat(withNote.body()).isEmpty();
  }

  @Test
  void signedRequestsThatNameNoUserAreBadRequestsAndRunNoHandler() throws Exception {
    SignedPost.Reply withUser = door.post.send(SlackRequests.blockAction("dispute_refresh").body());
    assertThat(withUser.status()).isEqualTo(200);
    assertThat(clickers).containsExactly(SlackRequests.USER_ID);

    SignedPost.Reply clickWithoutUserId =
        door.post.send(SlackRequests.blockAction("dispute_refresh").user(null, "mallory").body());
    SignedPost.Reply clickWithBlankUserId =
        door.post.send(SlackRequests.blockAction("dispute_refresh").user(" ", "mallory").body());
    SignedPost.Reply commandWithBlankUser =
        door.post.send(
            SlackRequests.slashCommand("/disputes").text("list").user("", "mallory").body());
    Map<String, String> fields =
        new LinkedHashMap<>(
            FormCodec.decodeFirst(
                SlackRequests.slashCommand("/disputes").text("list").body().body()));
    fields.remove("user_id");
    SignedPost.Reply commandWithoutUser = door.post.send(SlackBody.form(FormCodec.encode(fields)));
    SlackBody submission =
        SlackRequests.viewSubmission("dispute_resolve_modal")
            .state(new StateValues().plainText("notes_block", "notes", "Refunded"))
            .body();
    ObjectNode payload =
        (ObjectNode)
            Json.newMapper().readTree(FormCodec.decodeFirst(submission.body()).get("payload"));
    payload.with("user").putNull("id");
    SignedPost.Reply submissionWithoutUserId =
        door.post.send(SlackBody.form("payload=" + FormCodec.encodePart(payload.toString())));

    for (SignedPost.Reply reply :
        List.of(
            clickWithoutUserId,
            clickWithBlankUserId,
            commandWithBlankUser,
            commandWithoutUser,
            submissionWithoutUserId)) {
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.body()).doesNotContain("Looking up");
    }
    assertThat(clickers).containsExactly(SlackRequests.USER_ID);
  }

  @Test
  void slacksNoticeThatItRateLimitsEventsIsAcknowledged() {
    SlackBody notice =
        SlackBody.json(
            "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"type\":\"app_rate_limited\","
                + "\"team_id\":\""
                + SlackRequests.TEAM_ID
                + "\",\"minute_rate_limited\":1518467820,"
                + "\"api_app_id\":\""
                + SlackRequests.APP_ID
                + "\"}");

    assertThat(door.post.send(notice).status()).isEqualTo(200);
  }

  @Test
  void unhandledActionIsNotFoundFromBolt() {
    SignedPost.Reply reply =
        door.post.send(SlackRequests.blockAction("nobody_handles_this").body());

    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void retriedEventCarriesItsRetryNumberToTheHandler() {
    SlackBody event = SlackRequests.appHomeOpened("U0A1B2C3E", "Ev0A1B2C3L");

    SignedPost.Reply first = door.post.send(event);
    SignedPost.Reply retry =
        door.post.send(
            event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retryNums).containsExactly(null, 1);
  }

  private static byte[] bytes(SlackBody body) {
    return body.body().getBytes(StandardCharsets.UTF_8);
  }
}
