package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.config.PayPalSettings;
import io.disputedesk.config.PayPalSettings.PayPalEnv;
import io.disputedesk.config.Secret;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.testing.BlockKitChecks;
import io.disputedesk.testing.PayPalSamples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class CardBuilderTest {
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";
  private static final Instant DUE = Instant.parse("2026-12-08T09:46:54.926Z");
  private static final PayPalLinks SANDBOX = new PayPalLinks(PayPalLinks.SANDBOX);
  private static final List<String> SAMPLES = PayPalSamples.DETAILS;

  private static CardBuilder builder(Instant now) {
    return new CardBuilder(Clock.fixed(now, ZoneOffset.UTC), SANDBOX, CardAction.buttons());
  }

  private static JsonNode blocks(SlackPost post) {
    try {
      return Json.newMapper().readTree(post.blocksJson());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static SlackPost card(Dispute d, String owner) {
    return builder(DUE.minus(Duration.ofDays(10))).card(new StoredDispute(d, owner, null, null));
  }

  /** The action ids of a card's buttons and overflow options, in order. */
  static List<String> actionIds(JsonNode blocks) {
    List<String> ids = new ArrayList<>();
    for (JsonNode block : blocks) {
      if (block.path("type").asText().equals("actions")) {
        for (JsonNode e : block.path("elements")) {
          if (e.path("type").asText().equals("overflow")) {
            e.path("options")
                .forEach(
                    o ->
                        ids.add(
                            OverflowChoice.parse(o.path("value").asText())
                                .orElseThrow()
                                .actionId()));
          } else {
            ids.add(e.path("action_id").asText());
          }
        }
      }
    }
    return ids;
  }

  private static Optional<JsonNode> element(JsonNode blocks, String actionId) {
    for (JsonNode block : blocks) {
      for (JsonNode e : block.path("elements")) {
        if (e.path("action_id").asText().equals(actionId)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "detail-claim-resolved-appealable.json | dd_appeal dd_open_paypal",
        "detail-claim-unauthorised-waiting-seller.json | dd_provide_evidence dd_accept_claim dd_assign_me dd_contact_details dd_refresh dd_open_paypal",
        "detail-claim-under-review.json | dd_supporting_info dd_assign_me dd_contact_details dd_refresh dd_open_paypal",
        "detail-external-credit-not-processed.json | dd_provide_evidence dd_accept_claim dd_assign_me dd_contact_details dd_refresh dd_open_paypal",
        "detail-inquiry-inr-waiting-seller.json | dd_provide_evidence dd_make_offer dd_accept_claim dd_assign_me dd_open_paypal dd_send_message dd_escalate dd_contact_details dd_refresh",
        "detail-inquiry-open-new.json | dd_send_message dd_assign_me dd_contact_details dd_refresh dd_open_paypal",
        "detail-inquiry-snad-acknowledge-return.json | dd_acknowledge_return dd_send_message dd_assign_me dd_contact_details dd_refresh dd_open_paypal",
        "detail-inquiry-snad-offer-pending.json | dd_send_message dd_escalate dd_assign_me dd_contact_details dd_refresh dd_open_paypal",
        "detail-resolved-buyer-favour.json | ''",
        "detail-resolved-seller-favour.json | ''"
      })
  void buttonsAreExactlyWhatPayPalsLinksAllow(String sample, String expected) {
    SlackPost post = card(PayPalSamples.dispute(sample), null);

    List<String> want = expected.isBlank() ? List.of() : List.of(expected.trim().split(" "));
    assertThat(actionIds(blocks(post))).containsExactlyElementsOf(want);
  }

  @ParameterizedTest
  @FieldSource("SAMPLES")
  void everySampleCardIsWithinBlockKitLimits(String sample) {
    SlackPost post = card(PayPalSamples.dispute(sample), "U0OWNER1");
    BlockKitChecks.assertMessageWithinLimits(post.text(), blocks(post));
    assertThat(post.blocksJson())
        .contains(SANDBOX.dispute(PayPalSamples.dispute(sample).disputeId()));
  }

  @Test
  void acceptClaimAndMakeOfferConfirmTheConsequenceWithTheAmount() {
    JsonNode blocks = blocks(card(PayPalSamples.dispute(INR), null));

    assertThat(
            element(blocks, CardAction.ACCEPT_CLAIM.buttonId())
                .orElseThrow()
                .at("/confirm/text/text")
                .asText())
        .isEqualTo("Refund 2.00 USD to the buyer and close the case? This cannot be undone.");
    assertThat(
            element(blocks, CardAction.ACCEPT_CLAIM.buttonId())
                .orElseThrow()
                .path("style")
                .asText())
        .isEqualTo("danger");
    assertThat(
            element(blocks, CardAction.MAKE_OFFER.buttonId())
                .orElseThrow()
                .at("/confirm/text/text")
                .asText())
        .contains("up to 2.00 USD");
  }

  @Test
  void confirmedActionsStayButtonsWhenTheRestGoesIntoTheOverflowMenu() {
    JsonNode blocks = blocks(card(PayPalSamples.dispute(INR), null));
    JsonNode overflow = element(blocks, Ids.MORE_ACTIONS).orElseThrow();

    assertThat(overflow.path("options"))
        .extracting(o -> OverflowChoice.parse(o.path("value").asText()).orElseThrow())
        .containsExactly(
            new OverflowChoice(CardAction.SEND_MESSAGE.buttonId(), "PP-R-AYP-10135034"),
            new OverflowChoice(CardAction.ESCALATE.buttonId(), "PP-R-AYP-10135034"),
            new OverflowChoice(CardAction.UPDATE_CONTACT_DETAILS.buttonId(), "PP-R-AYP-10135034"),
            new OverflowChoice(Ids.REFRESH, "PP-R-AYP-10135034"));
    assertThat(
            element(blocks, CardAction.ACCEPT_CLAIM.buttonId()).orElseThrow().path("type").asText())
        .isEqualTo("button");
    assertThat(
            element(blocks, CardAction.MAKE_OFFER.buttonId()).orElseThrow().path("type").asText())
        .isEqualTo("button");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PT-2H | :red_circle: *Overdue by 2 h*",
        "PT5H | :large_orange_circle: *5 h left*",
        "P2DT4H | :large_yellow_circle: *2 days 4 h left*",
        "P3DT23H | :white_circle: *3 days 23 h left*",
        "P6D | :white_circle: *6 days left*"
      })
  void timeLeftShowsHowUrgentTheDeadlineIs(String left, String expected) {
    Instant now = DUE.minus(Duration.parse(left));
    SlackPost post =
        builder(now).card(new StoredDispute(PayPalSamples.dispute(INR), null, null, null));

    assertThat(post.blocksJson()).contains("*Respond by*\\n" + expected);
  }

  @Test
  void anOwnerIsMentionedAndCanBeReassignedOrUnassigned() {
    JsonNode blocks =
        blocks(card(PayPalSamples.dispute("detail-inquiry-open-new.json"), "U0OWNER1"));

    assertThat(blocks.toString()).contains("*Owner*\\n<@U0OWNER1>");
    assertThat(actionIds(blocks))
        .contains(Ids.REASSIGN, Ids.UNASSIGN)
        .doesNotContain(Ids.ASSIGN_ME);
    assertThat(card(PayPalSamples.dispute("detail-inquiry-open-new.json"), null).blocksJson())
        .contains("*Owner*\\nUnassigned");
  }

  @Test
  void aHugeBuyerMessageFullOfSlackMarkupIsEscapedAndCut() {
    String attack = "<!channel> & <https://evil.example|click> <@U024BE7LH> ".repeat(100);
    String hugeMessage = (attack + "x".repeat(5000)).substring(0, 5000);
    Dispute d =
        PayPalSamples.dispute(
            INR,
            j -> {
              j.withArray("messages")
                  .addObject()
                  .put("posted_by", "BUYER")
                  .put("time_posted", "2026-11-25T10:00:00Z")
                  .put("content", hugeMessage);
              ((ObjectNode) j.withArray("disputed_transactions").get(0).get("buyer"))
                  .put("name", "<!here> Mallory " + "y".repeat(3000));
            });

    SlackPost post = card(d, null);
    JsonNode blocks = blocks(post);

    BlockKitChecks.assertMessageWithinLimits(post.text(), blocks);
    assertThat(post.blocksJson())
        .doesNotContain("<!channel>")
        .doesNotContain("<!here>")
        .doesNotContain("<@U024BE7LH>")
        .doesNotContain("<https://evil.example")
        .contains("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;");
    assertThat(blocks.toString().length()).isLessThan(8000);
  }

  @Test
  void aResolvedCardShowsWhoWonAndWhatWasRefundedWithoutButtons() {
    Dispute lost = PayPalSamples.dispute("detail-resolved-buyer-favour.json");
    JsonNode blocks = blocks(card(lost, null));

    assertThat(blocks.toString())
        .contains(
            "Lost: resolved in the buyer's favour",
            "Refunded to the buyer: *" + lost.disputeOutcome().amountRefunded().display());
    assertThat(actionIds(blocks)).isEmpty();
    assertThat(
            blocks(card(PayPalSamples.dispute("detail-resolved-seller-favour.json"), null))
                .toString())
        .contains("Won: resolved in our favour")
        .doesNotContain("Refunded");
  }

  @Test
  void aResolvedDisputeKnownOnlyFromTheListShowsTheListsWonOrLostAsListsDo() {
    // A first import stores resolved disputes from PayPal's list (outcome WON or LOST) without
    // reading their details; /disputes list says "Won", so must the card (/disputes show).
    for (String listed : List.of("WON", "LOST")) {
      Dispute d =
          PayPalSamples.dispute(
              "detail-resolved-seller-favour.json",
              json -> {
                json.remove("dispute_outcome");
                json.put("outcome", listed);
              });

      String expected = listed.equals("WON") ? "*Outcome*\\nWon" : "*Outcome*\\nLost";
      assertThat(blocks(card(d, null)).toString())
          .contains(expected)
          .doesNotContain("Outcome unknown");
    }
  }

  @Test
  void fallbackTextNamesAmountReasonAndStatus() {
    assertThat(card(PayPalSamples.dispute(INR), null).text())
        .isEqualTo(
            "2.00 USD item not received dispute PP-R-AYP-10135034: Waiting for our response");
  }

  @ParameterizedTest
  @CsvSource({
    "https://api-m.sandbox.paypal.com, LIVE, https://www.sandbox.paypal.com",
    "https://api-m.paypal.com, SANDBOX, https://www.paypal.com",
    "http://127.0.0.1:8080, SANDBOX, https://www.sandbox.paypal.com",
    "http://127.0.0.1:8080, LIVE, https://www.paypal.com"
  })
  void theResolutionCenterLinkFollowsTheConfiguredPayPal(
      String apiBase, PayPalEnv env, String web) {
    PayPalLinks links =
        PayPalLinks.of(new PayPalSettings("id", new Secret("s"), env, apiBase, Optional.empty()));

    assertThat(links.dispute("PP-D-1")).isEqualTo(web + "/resolutioncenter/view/PP-D-1");
  }
}
