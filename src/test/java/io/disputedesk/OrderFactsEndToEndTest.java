package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimDisputeSpecBuilder;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The order behind a dispute on its card, end to end through the real bot, the PayPal simulator and
 * a local Slack: items, ship-to, tracking and the checklist; and the degraded paths.
 */
class OrderFactsEndToEndTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.defaults();
  private BotDesk desk;

  @BeforeEach
  void startWithEmptyHistory() {
    desk = bot.desk();
    desk.pollAndSettle();
  }

  private SimDisputeSpecBuilder notReceived() {
    return SimDisputeSpec.builder()
        .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
        .stage(SimStage.CHARGEBACK)
        .amount("64.50", "EUR")
        .createTime(Instant.now().minus(Duration.ofDays(2)))
        .buyerName("Lukas Schneider")
        .itemName("Merino wool sweater")
        .addItem("Wool care kit", "PRODUCT", 2, "7.50")
        .shipTo("Torstrasse 12", "Berlin", null, "10119", "DE");
  }

  @Test
  void theCardShowsTheOrderItsTrackingAndWhatWinsWithWhatIsAlreadyThereTicked() {
    String id =
        desk.sim.createDispute(
            notReceived().tracker("DHL", "00340434161094042557", "DELIVERED").build());
    desk.pollAndSettle();

    String card = awaitCard(id, "Merino wool sweater");

    assertThat(card)
        .contains(
            "*Order*",
            "• 1 × Merino wool sweater · 49.50 EUR",
            "• 2 × Wool care kit · 15.00 EUR",
            "Ships to Berlin, Germany",
            "DHL `00340434161094042557` · :white_check_mark: *Delivered*",
            "*What wins: Item not received* · claim: PayPal decides on what you send",
            ":white_check_mark: *PayPal asked for:* Proof of fulfillment (required) — DHL tracking on file with PayPal",
            ":white_check_mark: Tracking that shows delivery — DHL says delivered");
    assertThat(card).doesNotContain("Torstrasse", "10119");
    assertThat(desk.cardsOf(id)).hasSize(1);
  }

  @Test
  void withoutTheTransactionSearchPermissionTheCardSaysSoAndHowToTurnItOn() {
    desk.sim.orders().transactionSearch(false);
    String id =
        desk.sim.createDispute(
            notReceived().tracker("DHL", "00340434161094042557", "IN_TRANSIT").build());
    desk.pollAndSettle();

    String card = awaitCard(id, "Order details unavailable");

    assertThat(card)
        .contains(
            "the bot's PayPal app does not have the Transaction Search permission; turn on"
                + " *Transaction search*",
            "DHL `00340434161094042557` · In transit",
            "What wins: Item not received")
        .doesNotContain("Merino wool sweater");
    assertThat(desk.sim.requestsTo("transactions-search"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.pathAndQuery()).contains("fields=all", "start_date=", "end_date="));
  }

  @Test
  void whenPayPalIsSlowTheCardIsPostedFirstAndTheOrderFilledInLater() {
    desk.sim.delay("transactions-search", Duration.ofSeconds(3));
    String id = desk.sim.createDispute(notReceived().build());
    desk.pollAndSettle();

    String first = desk.card(id).orElseThrow().blocks().toString();
    String later = awaitCard(id, "Merino wool sweater");

    assertThat(first)
        .contains("What wins: Item not received")
        .doesNotContain("Merino wool sweater");
    assertThat(later).contains("Ships to Berlin, Germany");
    assertThat(desk.cardsOf(id)).hasSize(1);
    assertThat(desk.card(id).orElseThrow().edited()).isTrue();
  }

  @Test
  void anOrderWithoutTrackingSaysPayPalHasNoneAndTicksNothingThatNeedsIt() {
    String id = desk.sim.createDispute(notReceived().noTracker().build());
    desk.pollAndSettle();

    String card = awaitCard(id, "No tracking on file with PayPal");

    assertThat(card)
        .contains(
            ":white_large_square: *PayPal asked for:* Proof of fulfillment",
            ":white_large_square: Tracking that shows delivery",
            "Merino wool sweater");
  }

  @Test
  void aChangeWithinTheHourDoesNotSearchPayPalAgain() {
    String first = desk.sim.createDispute(notReceived().build());
    desk.pollAndSettle();
    awaitCard(first, "Merino wool sweater");

    desk.sim.addBuyerMessage(first, "Any news on my parcel?");
    String second = desk.sim.createDispute(notReceived().itemName("Desk lamp").build());
    desk.pollAndSettle();
    // The pass that fetched the second dispute also looked at the changed first one.
    awaitCard(second, "Desk lamp");

    String txn = desk.sim.sellerTransactionId(first);
    assertThat(
            desk.sim.requestsTo("transactions-search").stream()
                .filter(r -> r.pathAndQuery().contains("transaction_id=" + txn)))
        .hasSize(1);
    assertThat(
            desk.sim.requestsTo("trackers-list").stream()
                .filter(r -> r.pathAndQuery().contains("transaction_id=" + txn)))
        .hasSize(1);
    assertThat(desk.card(first).orElseThrow().blocks().toString())
        .contains("Any news on my parcel?");
  }

  private String awaitCard(String id, String text) {
    Await.until(
        "the card of " + id + " to show " + text,
        () ->
            desk.card(id)
                .map(SlackMessage::blocks)
                .map(Object::toString)
                .filter(b -> b.contains(text))
                .isPresent());
    return textOf(desk.card(id).orElseThrow());
  }

  /** The card's block texts joined, with JSON escapes undone. */
  private static String textOf(SlackMessage card) {
    StringBuilder out = new StringBuilder();
    card.blocks()
        .forEach(
            b -> {
              out.append(b.path("text").path("text").asText("")).append('\n');
              b.path("fields").forEach(f -> out.append(f.path("text").asText("")).append('\n'));
            });
    return out.toString();
  }
}
