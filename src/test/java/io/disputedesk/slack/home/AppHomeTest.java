package io.disputedesk.slack.home;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.slack.Pause;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.HomeWatchers;
import io.disputedesk.testing.People;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlashCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The App Home tab published on {@code app_home_opened}, its lists, totals, health and paging. */
class AppHomeTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forHomeAt(NOW));

  DeskDriver desk;
  SlashCommands slash;
  HomeWatchers watchers;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    slash = new SlashCommands(desk);
    watchers = new HomeWatchers(desk);
  }

  @Test
  void personWithAssignmentsSeesTheirQueueSoonestDeadlineFirst() {
    desk.seeds
        .dispute("PP-D-2001")
        .amount("70.00", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(100)))
        .store();
    desk.seeds
        .dispute("PP-D-2002")
        .amount("30.00", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(10)))
        .store();
    desk.seeds
        .dispute("PP-D-2003")
        .amount("15.00", "EUR")
        .sellerDue(NOW.plus(HOUR.multipliedBy(40)))
        .store();
    desk.seeds
        .dispute("PP-D-2004")
        .status("WAITING_FOR_BUYER_RESPONSE")
        .amount("5.00", "USD")
        .buyerDue(NOW.plus(HOUR.multipliedBy(30)))
        .store();
    desk.owners.assign("PP-D-2001", ALICE, BOB);
    desk.owners.assign("PP-D-2002", ALICE, BOB);
    desk.syncState.put(HealthKeys.POLL_LAST_SUCCESS, NOW.minusSeconds(60));

    JsonNode view = open(ALICE);

    List<String> texts = texts(view);
    assertThat(texts.get(0)).isEqualTo("Dispute Desk");
    assertThat(texts.get(1))
        .startsWith(
            "For <@"
                + ALICE
                + "> · updated <!date^"
                + NOW.getEpochSecond()
                + "^{time}|10:00 UTC> · ");
    assertThat(texts.get(2)).startsWith("*Your numbers*");
    assertThat(texts.get(4)).isEqualTo("Each dispute is listed once, in the first list it fits.");
    int queue = indexOf(texts, "*Your queue* (2)");
    assertThat(texts.get(queue + 1)).contains("PP-D-2002", "10 h left", "<@" + ALICE + ">");
    assertThat(texts.get(queue + 2)).contains("PP-D-2001", "4 days 4 h left");
    int due = indexOf(texts, "*Due within 72 h* (1)");
    assertThat(texts.get(due + 1)).contains("PP-D-2003", "1 day 16 h left", "Unassigned");
    int unassigned = indexOf(texts, "*Unassigned* (1)");
    assertThat(texts.get(unassigned + 1))
        .contains("PP-D-2004", "Waiting for the buyer", "Buyer: 1 day 6 h left");
    int buyer = indexOf(texts, "*Waiting for the buyer* (0)");
    assertThat(texts.get(buyer + 1)).isEqualTo("No other dispute is waiting for a buyer.");
    for (String id : List.of("PP-D-2001", "PP-D-2002", "PP-D-2003", "PP-D-2004")) {
      assertThat(texts.stream().filter(t -> t.contains(id))).as(id + " is listed once").hasSize(1);
    }
    assertThat(texts).contains("*Totals:* 4 open · at risk 15.00 EUR + 105.00 USD");
    assertThat(texts.get(texts.size() - 1))
        .isEqualTo(
            ":large_green_circle: Last successful PayPal check 1 min ago"
                + " (<!date^"
                + NOW.minusSeconds(60).getEpochSecond()
                + "^{time}|09:59 UTC>)");
  }

  @Test
  void personWithoutAssignmentsIsPointedAtTheUnassignedList() {
    desk.seeds.dispute("PP-D-2101").sellerDue(NOW.plus(HOUR.multipliedBy(5))).store();

    List<String> texts = texts(open(BOB));

    int queue = indexOf(texts, "*Your queue* (0)");
    assertThat(texts.get(queue + 1)).startsWith("Nothing is assigned to you.");
    assertThat(texts.get(indexOf(texts, "*Due within 72 h* (1)") + 1))
        .contains("PP-D-2101", "Unassigned");
    assertThat(texts.get(indexOf(texts, "*Unassigned* (0)") + 1))
        .isEqualTo("No other open dispute is without an owner.");
    assertThat(texts.get(texts.size() - 1))
        .isEqualTo(":white_circle: No successful PayPal check yet");
  }

  @Test
  void healthShowsTheLastErrorWhenItCameAfterTheLastSuccess() {
    desk.syncState.put(HealthKeys.POLL_LAST_SUCCESS, NOW.minusSeconds(600));
    desk.syncState.put(
        HealthKeys.POLL_LAST_ERROR, "PayPal answered 503 <Service Unavailable> (debug id 7d1c)");
    desk.syncState.put(HealthKeys.POLL_LAST_ERROR_AT, NOW.minusSeconds(30));

    List<String> texts = texts(open(ALICE));

    assertThat(texts.get(texts.size() - 1))
        .startsWith(":red_circle: Last successful PayPal check 10 min ago (<!date^")
        .contains(
            "last error just now (<!date^"
                + NOW.minusSeconds(30).getEpochSecond()
                + "^{time}|09:59 UTC>): ")
        .doesNotContain("T09:59:30Z")
        .contains("PayPal answered 503 &lt;Service Unavailable&gt; (debug id 7d1c)");
  }

  @Test
  void busyHomeStaysWithinOneHundredBlocksAndPagesWithShowMore() {
    for (int i = 0; i < 150; i++) {
      String id = String.format("PP-D-3%03d", i);
      desk.seeds.dispute(id).sellerDue(NOW.plus(HOUR.multipliedBy(1 + i))).store();
      if (i % 2 == 0) {
        desk.owners.assign(id, ALICE, BOB);
      }
    }
    for (int i = 0; i < 40; i++) {
      desk.seeds
          .dispute(String.format("PP-D-4%03d", i))
          .status("WAITING_FOR_BUYER_RESPONSE")
          .buyerDue(NOW.plus(HOUR.multipliedBy(1 + i)))
          .store();
    }

    SlackView first = openView(ALICE);

    assertThat(first.blocks().size()).isLessThanOrEqualTo(100);
    List<String> texts = texts(first.json());
    int queue = indexOf(texts, "*Your queue* (75)");
    assertThat(texts.get(queue + 1)).contains("PP-D-3000");
    assertThat(texts.get(queue + HomeBuilder.QUEUE_PAGE)).contains("PP-D-3038");
    JsonNode more = button(first.json(), "queue:20");
    assertThat(more.path("text").path("text").asText()).isEqualTo("Show more (1–20 of 75 shown)");

    SignedPost.Reply ack =
        desk.send(
            SlackRequests.blockAction("dd_home_more")
                .value("queue:20")
                .user(ALICE, "alice")
                .inView(first.id(), "home", "", first.privateMetadata())
                .body());
    assertThat(ack.status()).isEqualTo(200);
    Await.until(
        "the next Home page",
        () -> desk.slack.homeView(ALICE).map(v -> !v.hash().equals(first.hash())).orElse(false));

    SlackView second = desk.slack.homeView(ALICE).orElseThrow();
    assertThat(second.blocks().size()).isLessThanOrEqualTo(100);
    List<String> next = texts(second.json());
    assertThat(next.get(indexOf(next, "*Your queue* (75)") + 1)).contains("PP-D-3040");
    assertThat(button(second.json(), "queue:40").path("text").path("text").asText())
        .isEqualTo("Show more (21–40 of 75 shown)");
    // The other lists keep their place; the unassigned ones due within 72 h are listed under "Due".
    assertThat(next.get(indexOf(next, "*Due within 72 h* (36)") + 1)).contains("PP-D-3001");
    assertThat(next.get(indexOf(next, "*Unassigned* (79)") + 1)).contains("PP-D-3073");
  }

  @Test
  void aPersonsPageSurvivesRedrawsAfterChangesAndReopening() {
    busyQueue();
    SlackView first = openView(ALICE);
    SlackView second = showMore(first, "queue:20");
    assertThat(queueFirstLine(second)).contains("PP-D-3040");

    assign("PP-D-3041", ALICE);
    SlackView redrawn = awaitNewView(second);
    assertThat(queueFirstLine(redrawn)).contains("PP-D-3040");
    assertThat(texts(redrawn.json())).anyMatch(t -> t.startsWith("*Your queue* (76)"));
    assertThat(button(redrawn.json(), "queue:40").path("text").path("text").asText())
        .isEqualTo("Show more (21–40 of 76 shown)");

    SlackView reopened =
        awaitNewViewAfter(redrawn, () -> desk.send(SlackRequests.appHomeOpened(ALICE, "EvAgain")));
    assertThat(queueFirstLine(reopened)).contains("PP-D-3040");
  }

  @Test
  void aRedrawThatStartedBeforeShowMoreDoesNotTakeThePersonBackToPageOne() {
    busyQueue();
    SlackView first = openView(ALICE);
    HomePages pages = new HomePages(desk.db);
    Await.until(
        "the published view's hash stored", () -> first.hash().equals(pages.load(ALICE).hash()));
    HomePages.Stored readByTheRedraw = pages.load(ALICE);
    assertThat(readByTheRedraw.state()).isEqualTo(HomeState.FIRST);
    // A redraw (Alice opens the tab again) reads her pages and is held on its way to Slack.
    Pause redraw = desk.slack.pauseNext("views.publish", Pause.At.BEFORE_HANDLING);
    assertThat(desk.send(SlackRequests.appHomeOpened(ALICE, "EvRedraw")).status()).isEqualTo(200);
    Await.until("the redraw's publish at Slack", redraw::hasArrived);

    SlackView second = showMore(first, "queue:20");
    // The redraw publishes only now, with what it read before the click.
    redraw.release();

    SlackView last = awaitNewView(second);
    assertThat(last.hash()).as("the redraw was published").isNotEqualTo(second.hash());
    assertThat(queueFirstLine(last)).contains("PP-D-3040");
    // Stored once Slack has answered the publish.
    Await.until("the last view's hash stored", () -> pages.load(ALICE).hash().equals(last.hash()));
  }

  @Test
  void anUnreadableShowMoreValueKeepsThePages() {
    busyQueue();
    SlackView first = openView(ALICE);
    SlackView same =
        awaitNewViewAfter(
            first,
            () ->
                desk.send(
                    SlackRequests.blockAction("dd_home_more")
                        .value("nonsense:x")
                        .user(ALICE, "alice")
                        .inView(first.id(), "home", "", "")
                        .body()));

    assertThat(queueFirstLine(same)).contains("PP-D-3000");
  }

  private void busyQueue() {
    for (int i = 0; i < 50; i++) {
      String id = String.format("PP-D-3%03d", i);
      desk.seeds.dispute(id).sellerDue(NOW.plus(HOUR.multipliedBy(1 + i))).store();
    }
    for (int i = 0; i < 150; i += 2) {
      if (i < 50) {
        desk.owners.assign(String.format("PP-D-3%03d", i), ALICE, BOB);
      } else {
        String id = String.format("PP-D-3%03d", i);
        desk.seeds.dispute(id).sellerDue(NOW.plus(HOUR.multipliedBy(1 + i))).store();
        desk.owners.assign(id, ALICE, BOB);
      }
    }
  }

  private SlackView showMore(SlackView view, String value) {
    return awaitNewViewAfter(
        view,
        () ->
            assertThat(
                    desk.send(
                            SlackRequests.blockAction("dd_home_more")
                                .value(value)
                                .user(ALICE, "alice")
                                .inView(view.id(), "home", "", "")
                                .body())
                        .status())
                .isEqualTo(200));
  }

  private SlackView awaitNewViewAfter(SlackView before, Runnable action) {
    action.run();
    return awaitNewView(before);
  }

  private SlackView awaitNewView(SlackView before) {
    Await.until(
        "a re-published Home tab",
        () -> desk.slack.homeView(ALICE).map(v -> !v.hash().equals(before.hash())).orElse(false));
    return desk.slack.homeView(ALICE).orElseThrow();
  }

  private static String queueFirstLine(SlackView view) {
    List<String> texts = texts(view.json());
    return texts.get(indexOf(texts, "*Your queue*") + 1);
  }

  @Test
  void outsiderHomeTabShowsOnlyWhoCanGrantAccessAndTheRefusalIsAudited() {
    desk.seeds
        .dispute("PP-D-2301")
        .amount("70.00", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(10)))
        .store();
    desk.owners.assign("PP-D-2301", People.OUTSIDER, BOB);

    SlackView home = openView(People.OUTSIDER);

    assertThat(texts(home.json()))
        .containsExactly(
            "Dispute Desk",
            ":lock: Dispute Desk shows disputes only to its viewers, agents and approvers: buyer names, messages and"
                + " transaction ids are personal data. Ask an admin to add you (or a user group you are in) to VIEWERS"
                + " (or AGENTS or APPROVERS). Approvers you can ask: <@"
                + People.CAROL
                + ">.");
    assertThat(home.json().path("blocks").toString())
        .doesNotContain("PP-D-", "70.00", "dd_home_more");
    assertThat(desk.audit.recent(10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.userId()).isEqualTo(People.OUTSIDER);
              assertThat(e.action()).isEqualTo("HOME");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });

    // A forged "show more" click gets the same tab, not a page of disputes.
    SignedPost.Reply ack =
        desk.send(
            SlackRequests.blockAction("dd_home_more")
                .value("unassigned:0")
                .user(People.OUTSIDER, "mallory")
                .inView(home.id(), "home", "", "{}")
                .body());
    assertThat(ack.status()).isEqualTo(200);
    Await.until("the second refusal", () -> desk.audit.recent(10).size() == 2);
    Await.until("the second publish", () -> desk.slack.calls("views.publish").size() == 2);
    assertThat(desk.slack.homeView(People.OUTSIDER).orElseThrow().json().toString())
        .doesNotContain("PP-D-");
  }

  @Test
  void viewerSeesTheTeamSections() {
    desk.seeds.dispute("PP-D-2401").sellerDue(NOW.plus(HOUR.multipliedBy(5))).store();

    List<String> texts = texts(open(People.VIEWER));

    // Each dispute is listed once: due in 5 h, it is in the team's due list, not also under
    // Unassigned.
    assertThat(texts.get(indexOf(texts, "*Due within 72 h* (1)") + 1))
        .contains("PP-D-2401", "Unassigned");
    assertThat(desk.audit.recent(10)).isEmpty();
  }

  @Test
  void messagesTabOpeningPublishesNothing() {
    String body =
        SlackRequests.appHomeOpened(ALICE, "Ev0MSG")
            .body()
            .replace("\"tab\":\"home\"", "\"tab\":\"messages\"");

    assertThat(desk.send(io.disputedesk.testing.SlackBody.json(body)).status()).isEqualTo(200);
    // The event is handled before Slack has its answer; a publish it started would be on the
    // background pool.
    watchers.awaitBackgroundIdle();
    assertThat(watchers.viewsPublished()).isEmpty();
    assertThat(desk.slack.homeView(ALICE)).isEmpty();
  }

  @Test
  void refreshForRepublishesAfterTheQueueChanged() {
    desk.seeds.dispute("PP-D-2201").store();
    SlackView before = openView(ALICE);
    assertThat(texts(before.json()))
        .contains("*Your queue* (0) · _assigned to you, soonest deadline first_");

    assign("PP-D-2201", ALICE);

    Await.until(
        "a re-published Home tab",
        () -> desk.slack.homeView(ALICE).map(v -> !v.hash().equals(before.hash())).orElse(false));
    assertThat(texts(desk.slack.homeView(ALICE).orElseThrow().json()))
        .contains("*Your queue* (1) · _assigned to you, soonest deadline first_");
  }

  /** Bob assigns the dispute with the slash command, which republishes the new owner's tab. */
  private void assign(String disputeId, String owner) {
    assertThat(
            slash
                .answer(slash.command("assign " + disputeId + " <@" + owner + ">", BOB, "bob"))
                .path("text")
                .asText())
        .startsWith(":white_check_mark: " + disputeId + " is now assigned to <@" + owner + ">");
  }

  private JsonNode open(String user) {
    return openView(user).json();
  }

  private SlackView openView(String user) {
    SignedPost.Reply ack = desk.send(SlackRequests.appHomeOpened(user, "Ev" + user));
    assertThat(ack.status()).isEqualTo(200);
    Await.until("the Home tab of " + user, () -> desk.slack.homeView(user).isPresent());
    return desk.slack.homeView(user).orElseThrow();
  }

  private static int indexOf(List<String> texts, String prefix) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no block starts with " + prefix + " in " + texts);
  }

  private static JsonNode button(JsonNode view, String value) {
    for (JsonNode block : view.path("blocks")) {
      for (JsonNode e : block.path("elements")) {
        if (value.equals(e.path("value").asText())) {
          return e;
        }
      }
    }
    throw new AssertionError("no button with value " + value);
  }

  /**
   * The text of each block (sections, headers, contexts), in order; dividers and buttons are
   * skipped.
   */
  private static List<String> texts(JsonNode view) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : view.path("blocks")) {
      String type = block.path("type").asText();
      if (type.equals("section") || type.equals("header")) {
        texts.add(block.path("text").path("text").asText());
      } else if (type.equals("context")) {
        texts.add(block.path("elements").get(0).path("text").asText());
      }
    }
    return texts;
  }
}
