package io.disputedesk.sim.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What LocalSlack does on its own as Slack's client would (for the demo console), and its change
 * feed.
 */
class LocalSlackClientSideTest {
  private static final String ALICE = "U0A1B2C3E";
  private static final String CHANNEL = "C0A1B2C3F";

  private final LocalSlackFixture f = new LocalSlackFixture();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void everyVisibleChangeMovesTheVersionAndWakesAWaiter() throws Exception {
    long before = f.slack.client().version();
    CompletableFuture<Long> waiter =
        CompletableFuture.supplyAsync(() -> await(before, Duration.ofSeconds(5)));

    f.api.chatPostMessage(r -> r.channel(CHANNEL).text("hello"));

    assertThat(waiter.get(3, TimeUnit.SECONDS)).isGreaterThan(before);
    long afterPost = f.slack.client().version();
    f.api.authTest(r -> r);
    assertThat(f.slack.client().version()).as("reads change nothing").isEqualTo(afterPost);
  }

  @Test
  void awaitingWithNoChangeReturnsTheSameVersionAfterTheWait() throws Exception {
    long seen = f.slack.client().version();
    long start = System.nanoTime();

    assertThat(f.slack.client().awaitChange(seen, Duration.ofMillis(150))).isEqualTo(seen);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(140));
  }

  @Test
  void closeTopViewPopsOneModalAndPushViewAddsOneWithoutATrigger() throws Exception {
    String root = open("Root");
    SlackView pushed = f.slack.client().pushView(ALICE, modal("Second"));
    assertThat(pushed.json().path("previous_view_id").asText()).isEqualTo(root);
    assertThat(f.slack.openViews(ALICE))
        .extracting(SlackView::id)
        .containsExactly(root, pushed.id());

    assertThat(f.slack.client().closeTopView(ALICE))
        .hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(pushed.id()));
    assertThat(f.slack.openViews(ALICE)).extracting(SlackView::id).containsExactly(root);
    f.slack.client().closeTopView(ALICE);
    assertThat(f.slack.openViews(ALICE)).isEmpty();
    assertThat(f.slack.client().closeTopView(ALICE)).isEmpty();
  }

  @Test
  void replaceViewKeepsTheIdAndRejectsWhatSlackWouldReject() throws Exception {
    String id = open("Root");

    SlackView replaced = f.slack.client().replaceView(id, modal("Replaced"));

    assertThat(replaced.id()).isEqualTo(id);
    assertThat(f.slack.openViews(ALICE).get(0).json().path("title").path("text").asText())
        .isEqualTo("Replaced");
    assertThatThrownBy(
            () -> f.slack.client().replaceView(id, modal("A title far longer than Slack allows")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title must be at most 24 characters");
    assertThatThrownBy(() -> f.slack.client().pushView("U0NOBODY", modal("X")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid_arguments");
  }

  @Test
  void ephemeralCanBeShownDismissedAndReplacedThroughItsResponseUrl() throws Exception {
    Ephemeral shown = f.slack.client().showEphemeral(CHANNEL, ALICE, "page 1", null);
    String hook = f.slack.hooksUrlFor(CHANNEL, shown.ts(), ALICE);

    post(hook, "{\"replace_original\":true,\"text\":\"page 2\"}");

    assertThat(f.slack.ephemerals(ALICE))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.ts()).isEqualTo(shown.ts());
              assertThat(e.text()).isEqualTo("page 2");
            });
    post(hook, "{\"delete_original\":true}");
    assertThat(f.slack.ephemerals(ALICE)).isEmpty();

    Ephemeral again = f.slack.client().showEphemeral(CHANNEL, ALICE, "again", null);
    assertThat(f.slack.client().dismissEphemeral(ALICE, again.ts())).isTrue();
    assertThat(f.slack.client().dismissEphemeral(ALICE, again.ts())).isFalse();
  }

  @Test
  void replaceOriginalOnAChannelMessageStillEditsTheMessage() throws Exception {
    String ts = f.api.chatPostMessage(r -> r.channel(CHANNEL).text("card")).getTs();

    post(
        f.slack.hooksUrlFor(CHANNEL, ts, ALICE),
        "{\"replace_original\":true,\"text\":\"card v2\"}");

    assertThat(f.slack.message(CHANNEL, ts).orElseThrow().text()).isEqualTo("card v2");
    assertThat(f.slack.ephemerals(ALICE)).isEmpty();
  }

  private String open(String title) throws Exception {
    String trigger = f.slack.issueTrigger(ALICE);
    return f.api
        .viewsOpen(r -> r.triggerId(trigger).viewAsString(modal(title).toString()))
        .getView()
        .getId();
  }

  private JsonNode modal(String title) {
    try {
      return mapper.readTree(
          "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\""
              + title
              + "\"},\"blocks\":[]}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long await(long seen, Duration max) {
    try {
      return f.slack.client().awaitChange(seen, max);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void post(String url, String json) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }
}
