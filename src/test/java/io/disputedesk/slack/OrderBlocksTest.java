package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.json.Json;
import io.disputedesk.order.OrderFacts;
import io.disputedesk.order.OrderFacts.Gap;
import io.disputedesk.order.OrderFactsSource;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.TrackingStatus;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.testing.BlockKitChecks;
import io.disputedesk.testing.PayPalSamples;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The card's Order section and its checklist of what wins, drawn from stored order facts. */
class OrderBlocksTest {
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final OrderFacts.Order SWEATER =
      new OrderFacts.Order(
          List.of(
              new OrderFacts.OrderItem(
                  "Merino wool sweater", "1", Money.of("49.50", "EUR"), Money.of("49.50", "EUR")),
              new OrderFacts.OrderItem(
                  "Wool care kit", "2", Money.of("7.50", "EUR"), Money.of("15.00", "EUR"))),
          new OrderFacts.ShipTo("Berlin", "DE"),
          Money.of("64.50", "EUR"),
          null);
  private static final OrderFacts.Shipment DELIVERED =
      new OrderFacts.Shipment(
          "DHL",
          "00340434161094042557",
          TrackingStatus.DELIVERED,
          LocalDate.of(2026, 11, 4),
          false);

  @Test
  void theCardShowsItemsShipToCityAndCountryAndTheTrackingPayPalHolds() {
    JsonNode card = card(INR, facts(SWEATER, null, List.of(DELIVERED), null));
    String order = section(card, "*Order*");

    assertThat(order)
        .contains(
            "• 1 × Merino wool sweater · 49.50 EUR",
            "• 2 × Wool care kit · 15.00 EUR",
            ":round_pushpin: Ships to Berlin, Germany",
            ":truck: DHL `00340434161094042557` · :white_check_mark: *Delivered* · shipped 4 Nov 2026");
    String checklist = section(card, "*What wins:");
    assertThat(checklist)
        .startsWith("*What wins: Item not received* · inquiry: share it with the buyer");
    assertThat(checklist)
        .contains(
            ":white_check_mark: *PayPal asked for:* Proof of fulfillment",
            "DHL tracking on file with PayPal",
            ":white_check_mark: Tracking that shows delivery — DHL says delivered",
            ":white_large_square: Delivered to the address PayPal has (Berlin, Germany): check the carrier's record");
    assertThat(checklist.indexOf("PayPal asked for"))
        .isLessThan(checklist.indexOf("Tracking that shows delivery"));
  }

  @Test
  void whatPayPalOrTheBuyerWroteIsEscapedAndLongListsAreCut() {
    List<OrderFacts.OrderItem> items = new ArrayList<>();
    items.add(
        new OrderFacts.OrderItem("<!channel> & <https://evil.example|free>", "1", null, null));
    for (int i = 0; i < 40; i++) {
      items.add(
          new OrderFacts.OrderItem(
              "Item " + i + " " + "z".repeat(400), "<@U024BE7LH>", null, Money.of("1.00", "USD")));
    }
    OrderFacts f =
        facts(
            new OrderFacts.Order(items, new OrderFacts.ShipTo("<!here> Town", "ZZ"), null, null),
            null,
            List.of(
                new OrderFacts.Shipment("<b>", "<@W1>", TrackingStatus.IN_TRANSIT, null, false)),
            null);

    SlackPost post =
        builder(f).card(new StoredDispute(PayPalSamples.dispute(INR), null, null, null));
    JsonNode blocks = blocks(post);
    String order = section(blocks, "*Order*");

    BlockKitChecks.assertMessageWithinLimits(post.text(), blocks);
    assertThat(order)
        .doesNotContain("<!channel>", "<https://evil", "<@U024BE7LH>", "<!here>", "<@W1>", "<b>")
        .contains(
            "&lt;!channel&gt; &amp; &lt;https://evil.example|free&gt;",
            "&lt;!here&gt; Town, ZZ",
            "• and 36 more items",
            "In transit");
    assertThat(order.lines().filter(l -> l.startsWith("• ")).count()).isEqualTo(6);
  }

  @Test
  void factsOnTheirWaySaySo() {
    assertThat(section(card(INR, OrderFacts.pending("PP-R-AYP-10135034")), "*Order*"))
        .isEqualTo("*Order*\n_Fetching the order and its tracking from PayPal…_");
  }

  @Test
  void withoutTheTransactionSearchPermissionTheCardSaysWhyAndHowToTurnItOn() {
    String order =
        section(card(INR, facts(null, Gap.NO_PERMISSION, List.of(DELIVERED), null)), "*Order*");

    assertThat(order)
        .contains(
            ":warning: *Order details unavailable* — the bot's PayPal app does not have the"
                + " Transaction Search permission; turn on *Transaction search* in the app's features",
            "restart the bot",
            "DHL `00340434161094042557`");
  }

  @Test
  void everyOtherGapSaysWhyAndWhatHappensNext() {
    assertThat(section(card(INR, facts(null, Gap.NOT_LISTED, List.of(), null)), "*Order*"))
        .contains(
            "do not list this payment yet (that can take up to 3 hours); the bot asks again within the hour.");
    assertThat(
            section(
                card(INR, facts(null, Gap.PAYPAL_UNAVAILABLE, List.of(), Gap.PAYPAL_UNAVAILABLE)),
                "*Order*"))
        .contains(
            "*Order details unavailable* — PayPal did not answer in time; the bot asks again within the hour.",
            ":warning: Tracking unavailable — PayPal did not answer in time");
    assertThat(section(card(INR, facts(SWEATER, null, List.of(), Gap.NO_PERMISSION)), "*Order*"))
        .contains(
            "Tracking unavailable — the bot's PayPal app may not read shipment tracking",
            "…/shipping/trackers/readwrite");
  }

  @Test
  void noTrackerSaysPayPalHasNoneAndLeavesTheTrackingUnticked() {
    JsonNode card = card(INR, facts(SWEATER, null, List.of(), null));

    assertThat(section(card, "*Order*"))
        .contains(":truck: No tracking on file with PayPal for this payment.");
    assertThat(section(card, "*What wins:"))
        .contains(
            ":white_large_square: *PayPal asked for:* Proof of fulfillment",
            ":white_large_square: Tracking that shows delivery");
  }

  @Test
  void aResolvedDisputeKeepsItsOrderButHasNothingLeftToWin() {
    JsonNode card =
        card("detail-resolved-buyer-favour.json", facts(SWEATER, null, List.of(DELIVERED), null));

    assertThat(section(card, "*Order*")).contains("Merino wool sweater");
    assertThat(card.toString()).doesNotContain("What wins");
  }

  @Test
  void theChecklistSpellsProofOfFulfillmentAsPayPalsEvidenceTypeDoes() {
    // Unrequested, the item is the bot's own line; it names the evidence type as the evidence
    // form, "PayPal asked for" and the thread do: "Proof of fulfillment".
    Dispute unrequested =
        PayPalSamples.dispute(INR, json -> ((ArrayNode) json.get("evidences")).remove(1));
    SlackPost post = builder(null).card(new StoredDispute(unrequested, null, null, null));

    assertThat(blocks(post).toString())
        .contains(":white_large_square: Proof of fulfillment: the carrier's tracking number")
        .doesNotContain("fulfilment");
  }

  @Test
  void aResolvedDisputeWhoseFactsWereNeverFetchedDoesNotPromiseThem() {
    // Facts are fetched for open disputes only: a wish left by the change that resolved it is
    // never served, so "Fetching…" would stay on the card for good.
    JsonNode card =
        card("detail-resolved-buyer-favour.json", OrderFacts.pending("PP-D-RESOLVED-1"));

    assertThat(card.toString()).doesNotContain("Fetching").doesNotContain("*Order*");
  }

  @Test
  void withoutFactsThereIsNoOrderSectionButStillTheChecklist() {
    JsonNode card =
        blocks(
            new CardBuilder(
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    new PayPalLinks(PayPalLinks.SANDBOX),
                    CardAction.buttons(),
                    OrderBlocks.from(OrderFactsSource.none()))
                .card(new StoredDispute(PayPalSamples.dispute(INR), null, null, null)));

    assertThat(card.toString()).doesNotContain("*Order*").contains("What wins: Item not received");
    assertThat(
            blocks(
                    new CardBuilder(
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            new PayPalLinks(PayPalLinks.SANDBOX),
                            CardAction.buttons())
                        .card(new StoredDispute(PayPalSamples.dispute(INR), null, null, null)))
                .toString())
        .doesNotContain("*Order*")
        .doesNotContain("What wins");
  }

  @Test
  void openCardsOfferContactDetailsAndClosedOnesDoNot() {
    assertThat(CardBuilderTest.actionIds(card(INR, null)))
        .contains(CardAction.UPDATE_CONTACT_DETAILS.buttonId());
    assertThat(CardBuilderTest.actionIds(card("detail-resolved-buyer-favour.json", null)))
        .doesNotContain(CardAction.UPDATE_CONTACT_DETAILS.buttonId());
  }

  private static OrderFacts facts(
      OrderFacts.Order order, Gap orderGap, List<OrderFacts.Shipment> shipments, Gap trackingGap) {
    return new OrderFacts("any", "5TY05013RG002845M", order, orderGap, shipments, trackingGap, NOW);
  }

  private static CardBuilder builder(OrderFacts f) {
    return new CardBuilder(
        Clock.fixed(NOW, ZoneOffset.UTC),
        new PayPalLinks(PayPalLinks.SANDBOX),
        CardAction.buttons(),
        OrderBlocks.from(id -> Optional.ofNullable(f)));
  }

  private static JsonNode card(String sample, OrderFacts f) {
    Dispute d = PayPalSamples.dispute(sample);
    SlackPost post = builder(f).card(new StoredDispute(d, null, null, null));
    JsonNode blocks = blocks(post);
    BlockKitChecks.assertMessageWithinLimits(post.text(), blocks);
    return blocks;
  }

  private static String section(JsonNode blocks, String startsWith) {
    for (JsonNode b : blocks) {
      String text = b.path("text").path("text").asText("");
      if (b.path("type").asText().equals("section") && text.startsWith(startsWith)) {
        return text;
      }
    }
    throw new AssertionError("no section starting " + startsWith + " in " + blocks);
  }

  private static JsonNode blocks(SlackPost post) {
    try {
      return Json.newMapper().readTree(post.blocksJson());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
