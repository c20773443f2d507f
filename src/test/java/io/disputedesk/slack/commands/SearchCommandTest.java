package io.disputedesk.slack.commands;

import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.OUTSIDER;
import static io.disputedesk.testing.People.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlashCommands;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /disputes search}: signed requests over HTTP against the running bot. */
class SearchCommandTest extends CommandsTestBase {
  private static final String NO_MATCH_TAIL =
      ". Search looks at dispute ids, buyer names, transaction ids and invoice numbers.";

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
  }

  @Test
  void searchByBuyerNameAnswersOnlyTheCallerNewestFirstWithListLines() {
    seedBuyers();
    SlashCommands.Exchange ex = slash.command("search jordan");

    assertThat(ex.ack().status()).isEqualTo(200);
    assertThat(ex.ack().body()).isEmpty();
    JsonNode answer = slash.answer(ex);
    assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.path("text").asText()).isEqualTo("2 disputes match “jordan”");
    JsonNode blocks = answer.path("blocks");
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("2 disputes match");
    assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
        .isEqualTo(
            "“jordan” in dispute ids, buyer names, transaction ids and invoice numbers · newest"
                + " first");
    List<String> lines = sectionTexts(answer);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("*12.00 EUR* · Item not received").endsWith("`PP-D-2002`");
    assertThat(lines.get(1)).startsWith("*64.00 USD* · Item not received").endsWith("`PP-D-2001`");
    assertThat(answer.toString()).doesNotContain("dd_list_more");
  }

  @Test
  void aFoundLineIsTheListLineWithItsCardLink() {
    // The seeded disputes all have the sample's buyer; the open ones are also in the list.
    List<String> found = sectionTexts(slash.answer(slash.command("search LUPE justin")));
    List<String> listed = sectionTexts(slash.answer(slash.command("list")));

    assertThat(found).hasSize(4).containsAll(listed);
    assertThat(found.get(0))
        .isEqualTo(listed.get(0))
        .contains(
            "<https://acme-payments.slack.com/archives/C0A1B2C3F/p1763632800000100|PP-D-1001>");
    assertThat(found.get(3)).contains("PP-D-0900", "Resolved");
  }

  @Test
  void searchByEitherTransactionIdOrPartOfTheDisputeId() {
    seedBuyers();

    JsonNode bySellerTxn = slash.answer(slash.command("search 8hj77777kk"));
    assertThat(bySellerTxn.path("text").asText()).isEqualTo("1 dispute matches “8hj77777kk”");
    assertThat(sectionTexts(bySellerTxn)).singleElement().asString().contains("PP-D-2001");
    assertThat(sectionTexts(slash.answer(slash.command("search 4QR55555MM000008Y"))))
        .singleElement()
        .asString()
        .contains("PP-D-2001");
    assertThat(sectionTexts(slash.answer(slash.command("search d-200"))))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("PP-D-200"));
  }

  @Test
  void searchByAnInvoiceNumberFromTheShop() {
    seedBuyers();
    desk.seeds
        .dispute("PP-D-2004")
        .buyer("Kim Park", null, null)
        .invoices("SHOP-88121", "SHOP-88122")
        .store();

    JsonNode answer = slash.answer(slash.command("search shop-88122"));

    assertThat(answer.path("text").asText()).isEqualTo("1 dispute matches “shop-88122”");
    assertThat(sectionTexts(answer)).singleElement().asString().contains("PP-D-2004");
  }

  @Test
  void searchIgnoresCaseAndAccentsInEveryScript() {
    desk.seeds.dispute("PP-D-2005").buyer("MÜLLER GmbH", null, null).store();
    desk.seeds.dispute("PP-D-2006").buyer("ZOË Ďurić", null, null).store();

    for (String text : List.of("müller", "Muller", "MÜLL")) {
      assertThat(sectionTexts(slash.answer(slash.command("search " + text))))
          .as(text)
          .singleElement()
          .asString()
          .contains("PP-D-2005");
    }
    for (String text : List.of("zoë", "zoe durić", "ĎURIC")) {
      assertThat(sectionTexts(slash.answer(slash.command("search " + text))))
          .as(text)
          .singleElement()
          .asString()
          .contains("PP-D-2006");
    }
  }

  @Test
  void noMatchIsOneClearLine() {
    seedBuyers();

    JsonNode answer = slash.answer(slash.command("search xyzzy"));

    assertThat(answer.path("text").asText())
        .isEqualTo("No dispute matches “xyzzy”" + NO_MATCH_TAIL);
    assertThat(answer.has("blocks")).isFalse();
    assertThat(slash.answer(slash.command("search 100%")).path("text").asText())
        .isEqualTo("No dispute matches “100%”" + NO_MATCH_TAIL);
  }

  @Test
  void emptyTooShortTooLongOrSharedSearchGetsItsUsageInTheAck() {
    String usage =
        "\nUsage: `/disputes search <buyer name, dispute id, transaction id or invoice number>`";

    assertThat(ackText("search"))
        .isEqualTo(
            ":warning: What should I look for? Give a buyer name, a dispute id, a transaction id or"
                + " an invoice number. For example `/disputes search jordan`."
                + usage);
    assertThat(ackText("search jo"))
        .isEqualTo(
            ":warning: “jo” is too short; give at least 3 characters."
                + " For example `/disputes search jordan`."
                + usage);
    assertThat(ackText("search " + "x".repeat(101)))
        .isEqualTo(
            ":warning: That is too long to search for (over 100 characters); give part of a name"
                + " or one id."
                + usage);
    assertThat(ackText("search jordan share"))
        .isEqualTo(
            ":warning: Search answers only you: buyer names are personal data, so `share` is not"
                + " offered."
                + usage);
    assertThat(desk.slack.responseUrlPosts()).isEmpty();
  }

  @Test
  void outsiderIsRefusedWithTheListNoteAndTheRefusalIsAuditedViewerMaySearch() {
    seedBuyers();

    JsonNode refused = slash.answer(slash.command("search jordan", OUTSIDER, "mallory"));

    assertThat(refused.path("response_type").asText()).isEqualTo("ephemeral");
    assertThat(refused.path("text").asText())
        .startsWith(":lock: Dispute Desk shows disputes only to its viewers, agents and approvers")
        .contains("Approvers you can ask: <@" + CAROL + ">.");
    assertThat(refused.toString()).doesNotContain("PP-D-", "Jordan", "blocks");
    String listRefusal =
        slash.answer(slash.command("list", OUTSIDER, "mallory")).path("text").asText();
    assertThat(refused.path("text").asText()).isEqualTo(listRefusal);
    assertThat(desk.audit.recent(10))
        .extracting(e -> e.userId() + " " + e.action() + " " + e.outcome() + " " + e.detail())
        .contains(
            OUTSIDER + " SEARCH DENIED user lacks VIEWER",
            OUTSIDER + " LIST DENIED user lacks VIEWER");

    assertThat(sectionTexts(slash.answer(slash.command("search jordan", VIEWER, "vera"))))
        .hasSize(2);
  }

  @Test
  void searchTextIsEscapedWhereverItIsEchoed() {
    desk.seeds.dispute("PP-D-2003").buyer("Tom <Ltd> & Sons", null, null).store();

    JsonNode none = slash.answer(slash.command("search <!channel> hi"));
    assertThat(none.path("text").asText())
        .isEqualTo("No dispute matches “&lt;!channel&gt; hi”" + NO_MATCH_TAIL);

    JsonNode found = slash.answer(slash.command("search <ltd> & sons"));
    assertThat(found.path("text").asText()).isEqualTo("1 dispute matches “&lt;ltd&gt; &amp; sons”");
    assertThat(sectionTexts(found)).singleElement().asString().contains("PP-D-2003");
    assertThat(found.toString()).doesNotContain("<ltd>", "<!channel>");
  }

  @Test
  void manyMatchesArePagedWithTheListsMoreButton() {
    for (int i = 0; i < 45; i++) {
      desk.seeds
          .dispute(String.format("PP-D-6%03d", i))
          .buyer("Pat Many", null, null)
          .created(NOW.minus(HOUR.multipliedBy(100 - i)))
          .store();
    }
    JsonNode first = slash.answer(slash.command("search pat many"));
    assertThat(first.path("blocks").size()).isLessThanOrEqualTo(50);
    assertThat(first.path("text").asText()).isEqualTo("45 disputes match “pat many”");
    List<String> lines = sectionTexts(first);
    assertThat(lines).hasSize(ListBuilder.PAGE_SIZE);
    assertThat(lines.get(0)).contains("PP-D-6044");
    assertThat(first.path("blocks").get(1).path("elements").get(0).path("text").asText())
        .endsWith(" · showing 1–40");
    JsonNode button =
        first.path("blocks").get(first.path("blocks").size() - 1).path("elements").get(0);
    assertThat(button.path("action_id").asText()).isEqualTo("dd_list_more");
    assertThat(button.path("text").path("text").asText()).isEqualTo("Show 5 more (5 left)");

    String hook = slash.newHook();
    SignedPost.Reply ack =
        desk.send(
            SlackRequests.blockAction("dd_list_more")
                .value(button.path("value").asText())
                .inMessage(DeskDriver.CHANNEL, "1763632900.000200", hook)
                .body());

    assertThat(ack.status()).isEqualTo(200);
    JsonNode second = slash.answerAt(hook);
    assertThat(second.path("response_type").asText()).isEqualTo("ephemeral");
    List<String> rest = sectionTexts(second);
    assertThat(rest).hasSize(5);
    assertThat(rest.get(0)).contains("PP-D-6004");
    assertThat(rest.get(4)).contains("PP-D-6000");
    assertThat(second.toString()).doesNotContain("dd_list_more");
  }
}
