package io.disputedesk.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.StateValues;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bolt handlers reached over HTTP whose Web API calls land in {@link
 * io.disputedesk.sim.slack.LocalSlack}.
 */
class BoltWebApiTest {
  private static final String CHANNEL = SlackRequests.CHANNEL_ID;

  private final AtomicReference<SlackApiException> rateLimit = new AtomicReference<>();
  private final FrontDoor door =
      new FrontDoor(
          app -> {
            app.command(
                "/post",
                (req, ctx) -> {
                  ChatPostMessageResponse posted =
                      ctx.client()
                          .chatPostMessage(
                              r ->
                                  r.channel(req.getPayload().getChannelId())
                                      .text("Dispute D-1042 opened")
                                      .blocks(
                                          asBlocks(
                                              section(
                                                  s ->
                                                      s.blockId("card_D-1042")
                                                          .text(markdownText("*D-1042* opened")))))
                                      .metadata(
                                          new Message.Metadata(
                                              "dispute_card", Map.of("dispute_id", "D-1042"))));
                  ctx.client()
                      .chatUpdate(
                          r ->
                              r.channel(posted.getChannel())
                                  .ts(posted.getTs())
                                  .text("Dispute D-1042: challenged")
                                  .blocks(
                                      asBlocks(
                                          section(
                                              s ->
                                                  s.blockId("card_D-1042_v2")
                                                      .text(
                                                          markdownText("*D-1042* challenged"))))));
                  return ctx.ack("posted " + posted.getTs());
                });
            app.command(
                "/busy",
                (req, ctx) -> {
                  try {
                    ctx.client().chatPostMessage(r -> r.channel(CHANNEL).text("hello"));
                    return ctx.ack("sent");
                  } catch (SlackApiException e) {
                    rateLimit.set(e);
                    return ctx.ack(
                        "Slack is busy, retry in " + e.getResponse().header("Retry-After") + "s");
                  }
                });
            app.command(
                "/resolve",
                (req, ctx) -> {
                  var opened =
                      ctx.client()
                          .viewsOpen(
                              r ->
                                  r.triggerId(req.getPayload().getTriggerId())
                                      .view(
                                          view(
                                              v ->
                                                  v.type("modal")
                                                      .callbackId("dispute_resolve_modal")
                                                      .title(
                                                          viewTitle(
                                                              t ->
                                                                  t.type("plain_text")
                                                                      .text("Resolve D-1042")))
                                                      .blocks(
                                                          asBlocks(
                                                              section(
                                                                  s ->
                                                                      s.text(
                                                                          markdownText(
                                                                              "Resolve?"))))))));
                  return ctx.ack(
                      opened.isOk()
                          ? "opened " + opened.getView().getId()
                          : "failed " + opened.getError());
                });
            app.blockAction(
                "dispute_challenge",
                (req, ctx) -> {
                  ctx.respond(
                      r ->
                          r.text("Challenging " + req.getPayload().getActions().get(0).getValue())
                              .replaceOriginal(false));
                  return ctx.ack();
                });
            app.blockAction(
                "home_filter",
                (req, ctx) -> {
                  var payload = req.getPayload();
                  String owner =
                      payload
                          .getView()
                          .getState()
                          .getValues()
                          .get("filter_block")
                          .get("owner")
                          .getSelectedUser();
                  String text =
                      "Filtered by <@" + owner + "> in " + payload.getContainer().getViewId();
                  ctx.client()
                      .viewsPublish(
                          r ->
                              r.userId(payload.getUser().getId())
                                  .view(
                                      view(
                                          v ->
                                              v.type("home")
                                                  .blocks(
                                                      asBlocks(
                                                          section(
                                                              s -> s.text(markdownText(text))))))));
                  return ctx.ack();
                });
            app.event(
                AppHomeOpenedEvent.class,
                (req, ctx) -> {
                  ctx.client()
                      .viewsPublish(
                          r ->
                              r.userId(req.getEvent().getUser())
                                  .view(
                                      view(
                                          v ->
                                              v.type("home")
                                                  .blocks(
                                                      asBlocks(
                                                          section(
                                                              s ->
                                                                  s.text(
                                                                      markdownText(
                                                                          "*Open disputes:* 3"))))))));
                  return ctx.ack();
                });
          });

  @AfterEach
  void close() {
    door.close();
  }

  @Test
  void handlerPostsACardThenUpdatesIt() {
    SignedPost.Reply reply = door.post.send(SlackRequests.slashCommand("/post").body());

    assertThat(reply.status()).isEqualTo(200);
    List<SlackMessage> messages = door.slack.messages(CHANNEL);
    assertThat(messages).hasSize(1);
    SlackMessage card = messages.get(0);
    assertThat(reply.body()).contains("posted " + card.ts());
    assertThat(card.text()).isEqualTo("Dispute D-1042: challenged");
    assertThat(card.edited()).isTrue();
    assertThat(card.blocks().get(0).path("block_id").asText()).isEqualTo("card_D-1042_v2");
    assertThat(card.metadata().eventType()).isEqualTo("dispute_card");
    assertThat(card.metadata().eventPayload().path("dispute_id").asText()).isEqualTo("D-1042");
    ApiCall postCall = door.slack.calls("chat.postMessage").get(0);
    assertThat(postCall.header("Authorization")).isEqualTo("Bearer " + door.slack.botToken());
    assertThat(postCall.param("blocks")).contains("card_D-1042");
    assertThat(postCall.param("metadata")).contains("\"event_type\":\"dispute_card\"");
  }

  @Test
  void blockActionRespondsThroughTheResponseUrl() {
    String responseUrl = door.slack.hooksUrl("actions/T0A1B2C3D/2222222222222/BcDeFgHiJk");

    SignedPost.Reply reply =
        door.post.send(
            SlackRequests.blockAction("dispute_challenge")
                .value("D-1042")
                .inMessage(CHANNEL, "1732700000.000100", responseUrl)
                .body());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(door.slack.responseUrlPosts()).hasSize(1);
    ResponseUrlPost post = door.slack.responseUrlPosts().get(0);
    assertThat(post.path()).isEqualTo("actions/T0A1B2C3D/2222222222222/BcDeFgHiJk");
    assertThat(post.json().path("text").asText()).isEqualTo("Challenging D-1042");
    assertThat(post.json().path("replace_original").asBoolean(true)).isFalse();
  }

  @Test
  void appHomeOpenedPublishesTheHomeView() {
    SignedPost.Reply reply = door.post.send(SlackRequests.appHomeOpened("U0A1B2C3E", "Ev0A1B2C3L"));

    assertThat(reply.status()).isEqualTo(200);
    SlackView home = door.slack.homeView("U0A1B2C3E").orElseThrow();
    assertThat(home.type()).isEqualTo("home");
    assertThat(home.blocks().get(0).path("text").path("text").asText())
        .isEqualTo("*Open disputes:* 3");
  }

  @Test
  void blockActionFromTheHomeTabSeesItsViewAndState() {
    SignedPost.Reply reply =
        door.post.send(
            SlackRequests.blockAction("home_filter")
                .inView("V0A1B2HOME", "home", "", "")
                .state(new StateValues().usersSelect("filter_block", "owner", "U0A1B2C3M"))
                .body());

    assertThat(reply.status()).isEqualTo(200);
    SlackView home = door.slack.homeView(SlackRequests.USER_ID).orElseThrow();
    assertThat(home.blocks().get(0).path("text").path("text").asText())
        .isEqualTo("Filtered by <@U0A1B2C3M> in V0A1B2HOME");
  }

  @Test
  void injectedRateLimitSurfacesAsSlackApiExceptionWithRetryAfter() {
    door.slack.failNext("chat.postMessage", 1, Fault.rateLimited(7));

    SignedPost.Reply reply = door.post.send(SlackRequests.slashCommand("/busy").body());

    assertThat(reply.body()).contains("Slack is busy, retry in 7s");
    SlackApiException e = rateLimit.get();
    assertThat(e.getResponse().code()).isEqualTo(429);
    assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
    assertThat(e.getError().getError()).isEqualTo("ratelimited");
    assertThat(door.slack.messages(CHANNEL)).isEmpty();
  }

  @Test
  void updatingADeletedMessageIsMessageNotFound() throws Exception {
    MethodsClient api = door.client.methods(door.slack.botToken());
    ChatPostMessageResponse posted = api.chatPostMessage(r -> r.channel(CHANNEL).text("card"));
    assertThat(door.slack.deleteMessage(CHANNEL, posted.getTs())).isTrue();

    ChatUpdateResponse update =
        api.chatUpdate(r -> r.channel(CHANNEL).ts(posted.getTs()).text("new"));

    assertThat(update.isOk()).isFalse();
    assertThat(update.getError()).isEqualTo("message_not_found");
  }

  @Test
  void historyReturnsMetadataOnlyWhenAskedFor() throws Exception {
    MethodsClient api = door.client.methods(door.slack.botToken());
    api.chatPostMessage(
        r ->
            r.channel(CHANNEL)
                .text("card")
                .metadata(new Message.Metadata("dispute_card", Map.of("dispute_id", "D-7"))));

    ConversationsHistoryResponse with =
        api.conversationsHistory(r -> r.channel(CHANNEL).includeAllMetadata(true));
    ConversationsHistoryResponse without = api.conversationsHistory(r -> r.channel(CHANNEL));

    assertThat(with.isOk()).isTrue();
    Message.Metadata metadata = with.getMessages().get(0).getMetadata();
    assertThat(metadata.getEventType()).isEqualTo("dispute_card");
    assertThat(metadata.getEventPayload()).containsEntry("dispute_id", "D-7");
    assertThat(without.getMessages().get(0).getMetadata()).isNull();
  }

  @Test
  void aTriggerIdOpensOneModalOnly() {
    String trigger = door.slack.issueTrigger("U0A1B2C3E");
    var command = SlackRequests.slashCommand("/resolve").triggerId(trigger).body();

    SignedPost.Reply first = door.post.send(command);
    SignedPost.Reply again = door.post.send(command);

    assertThat(first.body()).contains("opened V");
    assertThat(again.body()).contains("failed exchanged_trigger_id");
    List<SlackView> open = door.slack.openViews("U0A1B2C3E");
    assertThat(open).hasSize(1);
    assertThat(open.get(0).callbackId()).isEqualTo("dispute_resolve_modal");
    JsonNode title = open.get(0).json().path("title");
    assertThat(title.path("text").asText()).isEqualTo("Resolve D-1042");
  }
}
