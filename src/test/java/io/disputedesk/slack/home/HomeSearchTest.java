package io.disputedesk.slack.home;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.OUTSIDER;
import static io.disputedesk.testing.People.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.ModalClicks;
import io.disputedesk.testing.People;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackClient;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlashCommands;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Home tab's "Search disputes": the button, its modal, and the answers to its submission, over
 * signed requests against the running bot and the local Slack.
 */
class HomeSearchTest {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final Duration HOUR = Duration.ofHours(1);
  static final String INPUT = "dd_search_text";

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forHomeAt(NOW));

  DeskDriver desk;
  SlashCommands slash;
  SlackClient client;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    slash = new SlashCommands(desk);
    client = new SlackClient(desk);
  }

  private void seedBuyers() {
    desk.seeds
        .dispute("PP-D-2001")
        .buyer("Jordan Lee", "8HJ77777KK000009Z", "4QR55555MM000008Y")
        .amount("64.00", "USD")
        .sellerDue(NOW.plus(HOUR.multipliedBy(90)))
        .created(NOW.minus(HOUR.multipliedBy(30)))
        .store();
    desk.seeds
        .dispute("PP-D-2002")
        .buyer("Mary JORDAN", "2CD33333NN000007X", null)
        .amount("12.00", "EUR")
        .sellerDue(NOW.plus(HOUR.multipliedBy(100)))
        .created(NOW.minus(HOUR.multipliedBy(10)))
        .store();
    desk.owners.assign("PP-D-2001", ALICE, People.BOB);
  }

  @Test
  void searchButtonIsNearTheTopOfAViewersHomeAndNotOnAnOutsiders() {
    SlackView viewer = home(VIEWER);
    JsonNode blocks = viewer.blocks();
    int at = -1;
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).toString().contains("\"dd_home_search\"")) {
        at = i;
      }
    }
    // Beside the line under the title.
    assertThat(at).as("the search button's block").isEqualTo(1);
    assertThat(blocks.get(at).path("text").path("text").asText()).startsWith("For <@" + VIEWER);
    JsonNode button = blocks.get(at).path("accessory");
    assertThat(button.path("action_id").asText()).isEqualTo("dd_home_search");
    assertThat(button.path("text").path("text").asText()).isEqualTo("Search disputes");

    assertThat(home(OUTSIDER).blocks().toString()).doesNotContain("dd_home_search");
  }

  @Test
  void clickingTheButtonOpensTheSearchForm() {
    SlackView form = openForm(ALICE);

    assertThat(form.callbackId()).isEqualTo("dd_view_search");
    JsonNode input = inputBlock(form.blocks());
    assertThat(input.path("label").path("text").asText())
        .isEqualTo("Buyer name, dispute id, transaction id or invoice number");
    assertThat(form.blocks().get(1).path("elements").get(0).path("text").asText())
        .isEqualTo(
            "Finds disputes by part of a buyer name, a dispute id, a transaction id or an invoice"
                + " number, case and accents aside; only you see the results.");
    assertThat(input.path("element").path("action_id").asText()).isEqualTo(INPUT);
    assertThat(input.path("element").path("max_length").asInt()).isEqualTo(100);
    assertThat(form.json().path("submit").path("text").asText()).isEqualTo("Search");
  }

  @Test
  void tooShortOrTooLongTextGetsAnErrorOnTheInput() {
    SlackView form = openForm(ALICE);

    JsonNode shortAnswer = answer(client.submit(form, ALICE, typed("  jo ")));
    assertThat(shortAnswer.path("response_action").asText()).isEqualTo("errors");
    assertThat(shortAnswer.path("errors").path(INPUT).asText())
        .isEqualTo("That is too short; give at least 3 characters, e.g. jordan.");

    JsonNode longAnswer = answer(client.submit(form, ALICE, typed("x".repeat(101))));
    assertThat(longAnswer.path("errors").path(INPUT).asText())
        .startsWith("That is too long to search for (over 100 characters)");
    // The form stays as it was, ready to be corrected.
    assertThat(desk.slack.view(form.id()).orElseThrow().callbackId()).isEqualTo("dd_view_search");
    assertThat(desk.audit.recent(10)).isEmpty();
  }

  @Test
  void aMatchShowsTheSameLinesAsTheSearchCommand() {
    seedBuyers();
    SlackView form = openForm(ALICE);

    JsonNode answer = answer(client.submit(form, ALICE, typed("jordan")));

    assertThat(answer.path("response_action").asText()).isEqualTo("update");
    SlackView results = client.awaitView(form.id(), "2 disputes match");
    assertThat(results.blocks().get(0).path("type").asText()).isEqualTo("header");
    assertThat(results.blocks().get(0).path("text").path("text").asText())
        .isEqualTo("2 disputes match");
    assertThat(results.blocks().get(1).path("elements").get(0).path("text").asText())
        .isEqualTo(
            "“jordan” in dispute ids, buyer names, transaction ids and invoice numbers · newest"
                + " first");
    List<String> lines = sectionTexts(results.blocks());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("PP-D-2002");
    assertThat(lines.get(1)).contains("PP-D-2001", "<@" + ALICE + ">");
    assertThat(lines)
        .isEqualTo(sectionTexts(slash.answer(slash.command("search jordan")).path("blocks")));
    // The same modal can search again, with the text just searched for.
    assertThat(results.callbackId()).isEqualTo("dd_view_search");
    assertThat(inputBlock(results.blocks()).path("element").path("initial_value").asText())
        .isEqualTo("jordan");

    client.submit(results, ALICE, typed("8hj77777"));
    SlackView again = client.awaitView(form.id(), "1 dispute matches");
    assertThat(sectionTexts(again.blocks())).singleElement().asString().contains("PP-D-2001");
  }

  @Test
  void aSubmissionIsAcknowledgedWithSearchingAndTheResultsFollowByViewsUpdate() {
    seedBuyers();
    SlackView form = openForm(ALICE);

    JsonNode ack = answer(client.submit(form, ALICE, typed("jordan")));

    // The ack carries no result: the search runs after it.
    assertThat(ack.path("response_action").asText()).isEqualTo("update");
    JsonNode searching = ack.path("view");
    assertThat(searching.path("callback_id").asText()).isEqualTo("dd_view_search");
    assertThat(sectionTexts(searching.path("blocks")))
        .containsExactly(":hourglass_flowing_sand: *Searching…* for “jordan”");
    assertThat(searching.has("submit")).isFalse();
    assertThat(searching.toString()).doesNotContain("PP-D-", "disputes match");

    SlackView results = client.awaitView(form.id(), "2 disputes match");
    assertThat(sectionTexts(results.blocks())).hasSize(2);
    assertThat(results.callbackId()).isEqualTo("dd_view_search");
    // The view the ack drew has a hash no payload carried: the update goes by id alone.
    assertThat(desk.slack.calls("views.update"))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.param("view_id")).isEqualTo(form.id());
              assertThat(call.param("hash")).isNull();
            });
  }

  @Test
  void aMatchOnAnInvoiceNumberOrAnAccentedNameIsFound() {
    desk.seeds.dispute("PP-D-2004").buyer("Zoë Müller", null, null).invoices("SHOP-88121").store();
    SlackView form = openForm(ALICE);

    client.submit(form, ALICE, typed("shop-88121"));
    SlackView byInvoice = client.awaitView(form.id(), "1 dispute matches");
    assertThat(sectionTexts(byInvoice.blocks())).singleElement().asString().contains("PP-D-2004");

    client.submit(byInvoice, ALICE, typed("ZOE MULLER"));
    SlackView byName = client.awaitView(form.id(), "“ZOE MULLER” in dispute ids");
    assertThat(sectionTexts(byName.blocks())).singleElement().asString().contains("PP-D-2004");
  }

  @Test
  void noMatchSaysSoInTheModal() {
    seedBuyers();
    SlackView form = openForm(VIEWER);

    client.submit(form, VIEWER, typed("xyzzy"));

    SlackView results = client.awaitView(form.id(), "No dispute matches");
    assertThat(sectionTexts(results.blocks()))
        .containsExactly(
            "No dispute matches “xyzzy”. Search looks at dispute ids, buyer names, transaction ids"
                + " and invoice numbers.");
    assertThat(results.blocks().toString()).doesNotContain("PP-D-");
  }

  @Test
  void manyMatchesShowFortyAndAskToNarrowTheSearch() {
    for (int i = 0; i < 45; i++) {
      desk.seeds
          .dispute(String.format("PP-D-6%03d", i))
          .buyer("Pat Many", null, null)
          .created(NOW.minus(HOUR.multipliedBy(100 - i)))
          .store();
    }
    SlackView form = openForm(ALICE);

    client.submit(form, ALICE, typed("pat many"));

    SlackView results = client.awaitView(form.id(), "45 disputes match");
    assertThat(results.blocks().size()).isLessThanOrEqualTo(100);
    assertThat(results.blocks().get(0).path("text").path("text").asText())
        .isEqualTo("45 disputes match");
    assertThat(results.blocks().get(1).path("elements").get(0).path("text").asText())
        .endsWith(" · showing 40 of 45; narrow the search");
    List<String> lines = sectionTexts(results.blocks());
    assertThat(lines).hasSize(40);
    assertThat(lines.get(0)).contains("PP-D-6044");
    assertThat(lines.get(39)).contains("PP-D-6005");
  }

  @Test
  void anOutsidersForgedSubmissionIsRefusedAndAudited() {
    seedBuyers();

    SignedPost.Reply reply =
        desk.send(
            SlackRequests.viewSubmission("dd_view_search")
                .user(OUTSIDER, "mallory")
                .state(typed("jordan"))
                .body());

    assertThat(reply.status()).isEqualTo(200);
    JsonNode answer = answer(reply);
    assertThat(answer.path("response_action").asText()).isEqualTo("update");
    assertThat(sectionTexts(answer.path("view").path("blocks")))
        .singleElement()
        .asString()
        .startsWith(":lock: Dispute Desk shows disputes only to its viewers, agents and approvers");
    assertThat(answer.toString()).doesNotContain("PP-D-", "Jordan", "jordan");
    assertThat(answer.path("view").has("submit")).isFalse();
    assertThat(desk.audit.recent(10))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.userId()).isEqualTo(OUTSIDER);
              assertThat(e.action()).isEqualTo("SEARCH");
              assertThat(e.outcome()).isEqualTo("DENIED");
            });
  }

  @Test
  void searchTextIsEscapedWhereverItIsShown() {
    desk.seeds.dispute("PP-D-2003").buyer("Tom <Ltd> & Sons", null, null).store();
    SlackView form = openForm(ALICE);

    client.submit(form, ALICE, typed("<!channel> hi"));
    SlackView none = client.awaitView(form.id(), "No dispute matches");
    assertThat(sectionTexts(none.blocks()))
        .containsExactly(
            "No dispute matches “&lt;!channel&gt; hi”. Search looks at dispute ids, buyer names,"
                + " transaction ids and invoice numbers.");
    assertThat(shownTexts(none.blocks())).noneMatch(t -> t.contains("<!channel>"));

    client.submit(none, ALICE, typed("<ltd> & sons"));
    SlackView found = client.awaitView(form.id(), "1 dispute matches");
    assertThat(found.blocks().get(1).path("elements").get(0).path("text").asText())
        .startsWith("“&lt;ltd&gt; &amp; sons” in dispute ids");
    assertThat(sectionTexts(found.blocks())).singleElement().asString().contains("PP-D-2003");
    assertThat(shownTexts(found.blocks())).noneMatch(t -> t.contains("<ltd>"));
  }

  private SlackView home(String user) {
    SignedPost.Reply ack = desk.send(SlackRequests.appHomeOpened(user, "Ev" + user));
    assertThat(ack.status()).isEqualTo(200);
    Await.until("the Home tab of " + user, () -> desk.slack.homeView(user).isPresent());
    return desk.slack.homeView(user).orElseThrow();
  }

  /** Clicks "Search disputes" on the person's Home tab; the form it opened, left open. */
  private SlackView openForm(String user) {
    SlackView home = home(user);
    return ModalClicks.clickUntilOpen(
        desk.slack,
        user,
        "Search disputes",
        Await.DEFAULT,
        trigger ->
            desk.send(
                SlackRequests.blockAction("dd_home_search")
                    .value("search")
                    .user(user, People.nameOf(user))
                    .triggerId(trigger)
                    .inView(home.id(), "home", "", home.privateMetadata())
                    .body()));
  }

  private static StateValues typed(String text) {
    return new StateValues().plainText(INPUT, INPUT, text);
  }

  private JsonNode answer(SignedPost.Reply reply) {
    assertThat(reply.status()).isEqualTo(200);
    return desk.json(reply.body());
  }

  private static JsonNode inputBlock(JsonNode blocks) {
    for (JsonNode block : blocks) {
      if ("input".equals(block.path("type").asText())) {
        return block;
      }
    }
    throw new AssertionError("no input in " + blocks);
  }

  private static List<String> sectionTexts(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks) {
      if ("section".equals(block.path("type").asText())) {
        texts.add(block.path("text").path("text").asText());
      }
    }
    return texts;
  }

  /** What the modal shows as text: headers, sections and contexts (not what the input holds). */
  private static List<String> shownTexts(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks) {
      switch (block.path("type").asText()) {
        case "header", "section" -> texts.add(block.path("text").path("text").asText());
        case "context" -> block.path("elements").forEach(e -> texts.add(e.path("text").asText()));
        default -> {}
      }
    }
    return texts;
  }
}
