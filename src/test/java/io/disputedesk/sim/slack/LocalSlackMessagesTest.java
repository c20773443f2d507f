package io.disputedesk.sim.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSlackMessagesTest {
  private static final String CHANNEL = "C0A1B2C3F";

  private final LocalSlackFixture f = new LocalSlackFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void postedMessagesGetUniqueIncreasingTimestampsFromTheClock() throws Exception {
    String first = f.api.chatPostMessage(r -> r.channel(CHANNEL).text("one")).getTs();
    String second = f.api.chatPostMessage(r -> r.channel(CHANNEL).text("two")).getTs();
    f.clock.advance(Duration.ofSeconds(2));
    String third = f.api.chatPostMessage(r -> r.channel(CHANNEL).text("three")).getTs();

    assertThat(first).isEqualTo("1732700000.000000");
    assertThat(second).isEqualTo("1732700000.000001");
    assertThat(third).isEqualTo("1732700002.000000");
    assertThat(f.slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly("one", "two", "three");
  }

  @Test
  void postMessageAnswersWithTheStoredMessage() throws Exception {
    ChatPostMessageResponse posted =
        f.api.chatPostMessage(
            r ->
                r.channel(CHANNEL)
                    .text("Dispute D-1042 opened")
                    .blocks(asBlocks(section(s -> s.blockId("b1").text(markdownText("*hi*"))))));

    assertThat(posted.isOk()).isTrue();
    assertThat(posted.getChannel()).isEqualTo(CHANNEL);
    assertThat(posted.getMessage().getText()).isEqualTo("Dispute D-1042 opened");
    assertThat(posted.getMessage().getBotId()).isEqualTo(f.slack.workspace().botId());
    assertThat(posted.getMessage().getBlocks()).hasSize(1);
  }

  @Test
  void postingToAUserIdGoesToTheDirectMessageChannel() throws Exception {
    ChatPostMessageResponse posted =
        f.api.chatPostMessage(r -> r.channel("U0A1B2C3E").text("psst"));

    assertThat(posted.getChannel()).isEqualTo("D0A1B2C3E");
    assertThat(f.slack.messages("D0A1B2C3E")).hasSize(1);
  }

  @Test
  void messagesNeedTextOrBlocksAndAtMostFiftyBlocks() throws Exception {
    List<LayoutBlock> tooMany = new ArrayList<>();
    IntStream.range(0, 51).forEach(i -> tooMany.add(divider()));

    assertThat(f.api.chatPostMessage(r -> r.channel(CHANNEL)).getError()).isEqualTo("no_text");
    assertThat(f.api.chatPostMessage(r -> r.channel(CHANNEL).text("x").blocks(tooMany)).getError())
        .isEqualTo("invalid_blocks");
    assertThat(f.api.chatPostMessage(r -> r.channel("not a channel").text("x")).getError())
        .isEqualTo("channel_not_found");
    assertThat(f.slack.messages(CHANNEL)).isEmpty();
  }

  @Test
  void updateReplacesWhatIsGivenAndKeepsTheRest() throws Exception {
    String ts =
        f.api
            .chatPostMessage(
                r ->
                    r.channel(CHANNEL)
                        .text("v1")
                        .blocks(asBlocks(section(s -> s.blockId("b1").text(markdownText("v1")))))
                        .metadata(
                            new Message.Metadata("dispute_card", Map.of("dispute_id", "D-1"))))
            .getTs();

    var updated = f.api.chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("v2"));

    assertThat(updated.isOk()).isTrue();
    SlackMessage message = f.slack.message(CHANNEL, ts).orElseThrow();
    assertThat(message.text()).isEqualTo("v2");
    assertThat(message.edited()).isTrue();
    assertThat(message.blocks().get(0).path("block_id").asText()).isEqualTo("b1");
    assertThat(message.metadata().eventType()).isEqualTo("dispute_card");
  }

  @Test
  void deleteRemovesTheMessageOnce() throws Exception {
    String ts = f.api.chatPostMessage(r -> r.channel(CHANNEL).text("bye")).getTs();

    assertThat(f.api.chatDelete(r -> r.channel(CHANNEL).ts(ts)).isOk()).isTrue();
    assertThat(f.api.chatDelete(r -> r.channel(CHANNEL).ts(ts)).getError())
        .isEqualTo("message_not_found");
    assertThat(f.slack.messages(CHANNEL)).isEmpty();
  }

  @Test
  void repliesFormAThreadUnderTheirParent() throws Exception {
    String parent = f.api.chatPostMessage(r -> r.channel(CHANNEL).text("card")).getTs();
    f.api.chatPostMessage(r -> r.channel(CHANNEL).threadTs(parent).text("first update"));
    String last =
        f.api
            .chatPostMessage(r -> r.channel(CHANNEL).threadTs(parent).text("second update"))
            .getTs();

    ConversationsRepliesResponse replies =
        f.api.conversationsReplies(r -> r.channel(CHANNEL).ts(parent));

    assertThat(replies.getMessages())
        .extracting(Message::getText)
        .containsExactly("card", "first update", "second update");
    assertThat(replies.getMessages().get(0).getReplyCount()).isEqualTo(2);
    assertThat(replies.getMessages().get(0).getLatestReply()).isEqualTo(last);
    assertThat(f.slack.messages(CHANNEL)).hasSize(1);
    assertThat(f.slack.replies(CHANNEL, parent))
        .extracting(SlackMessage::threadTs)
        .containsOnly(parent);
    assertThat(f.api.conversationsReplies(r -> r.channel(CHANNEL).ts("1.000000")).getError())
        .isEqualTo("thread_not_found");
  }

  @Test
  void historyPagesNewestFirstWithACursor() throws Exception {
    List<String> ts = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      String text = "m" + i;
      ts.add(f.api.chatPostMessage(r -> r.channel(CHANNEL).text(text)).getTs());
    }

    ConversationsHistoryResponse page1 =
        f.api.conversationsHistory(r -> r.channel(CHANNEL).limit(2));
    ConversationsHistoryResponse page2 =
        f.api.conversationsHistory(
            r -> r.channel(CHANNEL).limit(2).cursor(page1.getResponseMetadata().getNextCursor()));
    ConversationsHistoryResponse window =
        f.api.conversationsHistory(r -> r.channel(CHANNEL).oldest(ts.get(0)).latest(ts.get(3)));

    assertThat(page1.getMessages()).extracting(Message::getText).containsExactly("m5", "m4");
    assertThat(page1.isHasMore()).isTrue();
    assertThat(page2.getMessages()).extracting(Message::getText).containsExactly("m3", "m2");
    assertThat(window.getMessages()).extracting(Message::getText).containsExactly("m3", "m2");
    assertThat(f.api.conversationsHistory(r -> r.channel("C0NEVERSEEN")).getError())
        .isEqualTo("channel_not_found");
  }

  @Test
  void ephemeralMessagesAreKeptPerUser() throws Exception {
    ChatPostEphemeralResponse sent =
        f.api.chatPostEphemeral(r -> r.channel(CHANNEL).user("U0A1B2C3E").text("only you"));

    assertThat(sent.isOk()).isTrue();
    assertThat(f.slack.ephemerals("U0A1B2C3E"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.text()).isEqualTo("only you");
              assertThat(e.channel()).isEqualTo(CHANNEL);
              assertThat(e.ts()).isEqualTo(sent.getMessageTs());
            });
    assertThat(f.slack.messages(CHANNEL)).isEmpty();
  }

  @Test
  void responseUrlMintedForAMessageActsOnIt() throws Exception {
    String ts = f.api.chatPostMessage(r -> r.channel(CHANNEL).text("card")).getTs();
    String url = f.slack.hooksUrlFor(CHANNEL, ts, "U0A1B2C3E");

    f.sdk.send(url, "{\"replace_original\":true,\"text\":\"card, challenged\"}");
    f.sdk.send(url, "{\"text\":\"Only you see this\"}");

    assertThat(f.slack.message(CHANNEL, ts).orElseThrow().text()).isEqualTo("card, challenged");
    assertThat(f.slack.ephemerals("U0A1B2C3E"))
        .extracting(Ephemeral::text)
        .containsExactly("Only you see this");
    assertThat(f.slack.responseUrlPosts()).hasSize(2);
  }
}
