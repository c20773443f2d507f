package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.StateValues;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * However often or at once an intent arrives, PayPal hears it once; lost answers are settled by
 * reading.
 */
class ExactlyOnceTest {
  /**
   * The second look at an unclear answer comes 5 s after it (not the action tests' 600 ms): a
   * second person's form must be opened, submitted and worked after its ack before then, on a
   * loaded machine too.
   */
  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(DeskOptions.forActions().actions(Duration.ofSeconds(5), 8));

  DeskDriver desk;
  String id;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    id =
        desk.dispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                .amount("40.00", "USD")
                .offerTypes("REFUND"));
  }

  private static StateValues message(String text) {
    return new StateValues().plainText(ModalFields.MESSAGE, ModalFields.MESSAGE, text);
  }

  private static StateValues offer(String amount) {
    return new StateValues()
        .staticSelect(ModalFields.OFFER_TYPE, ModalFields.OFFER_TYPE, "REFUND", "Refund")
        .plainText(ModalFields.AMOUNT, ModalFields.AMOUNT, amount)
        .plainText(ModalFields.NOTE, ModalFields.NOTE, "Refund offered.");
  }

  @Test
  void twoTeammatesSubmittingTheSameActionMakeOnePayPalCall() {
    desk.sim.delayActions(Duration.ofMillis(800));
    SlackView alices = desk.open(CardAction.MAKE_OFFER.buttonId(), id, ALICE);
    SlackView bobs = desk.open(CardAction.MAKE_OFFER.buttonId(), id, BOB);

    CompletableFuture<SignedPost.Reply> a =
        CompletableFuture.supplyAsync(() -> desk.submit(alices, ALICE, offer("30.00")));
    CompletableFuture<SignedPost.Reply> b =
        CompletableFuture.supplyAsync(() -> desk.submit(bobs, BOB, offer("35.00")));

    assertThat(a.join().status()).isEqualTo(200);
    assertThat(b.join().status()).isEqualTo(200);
    Action done = desk.awaitAction(id, ActionRequest.MakeOffer.ACTION, ActionStatus.SUCCEEDED);
    String second = done.requestedBy().equals(ALICE) ? BOB : ALICE;
    assertThat(
            desk.awaitEphemeral(second, "already being handled by <@" + done.requestedBy() + ">"))
        .contains("Nothing else was sent to PayPal");
    desk.settle();
    assertThat(desk.sim.count("make-offer")).isEqualTo(1);
    assertThat(desk.auditOf(id))
        .anySatisfy(
            e -> {
              assertThat(e.userId()).isEqualTo(second);
              assertThat(e.outcome()).isEqualTo("BUSY");
            });
  }

  @Test
  void doubleSubmitOfTheSameModalRunsOnce() {
    desk.sim.delayActions(Duration.ofMillis(500));
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);

    CompletableFuture<SignedPost.Reply> first =
        CompletableFuture.supplyAsync(
            () -> desk.submit(view, CAROL, message("Your parcel left our warehouse today.")));
    CompletableFuture<SignedPost.Reply> second =
        CompletableFuture.supplyAsync(
            () -> desk.submit(view, CAROL, message("Your parcel left our warehouse today.")));
    CompletableFuture.allOf(first, second).join();

    desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
    // The form was closed, so PayPal's answer comes as a note: once, from the first submission
    // only.
    desk.awaitEphemeral(CAROL, "PayPal accepted it");
    desk.settle();
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    assertThat(desk.ephemeralTexts(CAROL))
        .singleElement()
        .asString()
        .contains("PayPal accepted it");
    assertThat(desk.auditOf(id))
        .extracting(e -> e.outcome())
        .containsOnlyOnce("SUCCEEDED")
        .contains("DUPLICATE");
  }

  @Test
  void slackRetryOfASubmissionCallsPayPalNoMore() {
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);
    desk.submit(view, CAROL, message("Tracking: 1Z999AA10123456784"));
    desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);

    SignedPost.Reply retry =
        desk.post.send(
            desk.submission(view, CAROL, message("Tracking: 1Z999AA10123456784")).body(),
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

    assertThat(retry.status()).isEqualTo(200);
    Await.until(
        "the retry is recognised",
        () -> desk.auditOf(id).stream().anyMatch(e -> e.outcome().equals("DUPLICATE")));
    desk.settle();
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    assertThat(desk.threadTexts(id)).filteredOn(t -> t.contains("Send message")).hasSize(1);
  }

  @Test
  void hungPayPalCallIsSettledByReadingTheDisputeNotByResending() {
    desk.sim.hangNext("send-message");
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);

    SignedPost.Reply reply = desk.submit(view, CAROL, message("We shipped a replacement."));

    assertThat(reply.status()).isEqualTo(200);
    Action done = desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.SUCCEEDED);
    assertThat(done.outcome()).contains("confirmed by re-reading", "the message is on the dispute");
    assertThat(desk.awaitThread(id, "went through")).contains("PayPal's answer was lost");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    assertThat(desk.auditOf(id))
        .extracting(e -> e.outcome())
        .containsSubsequence("UNKNOWN", "SUCCEEDED");
  }

  @Test
  void lostAnswerWithNoEffectIsCalledNotDoneOnlyAfterASecondLook() {
    desk.sim.failNext("send-message", 503, 1);
    SlackView view = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, CAROL);

    desk.submit(view, CAROL, message("Checking with the courier."));

    desk.awaitThread(id, "did not answer in time");
    Action unknown = desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.UNKNOWN);
    SlackView again = desk.open(CardAction.SEND_MESSAGE.buttonId(), id, ALICE);
    desk.submit(again, ALICE, message("Second try while unclear."));
    desk.awaitEphemeral(ALICE, "waiting to confirm PayPal's answer");

    Action failed = desk.awaitAction(id, ActionRequest.SendMessage.ACTION, ActionStatus.FAILED);
    assertThat(failed.id()).isEqualTo(unknown.id());
    assertThat(desk.awaitThread(id, "safe to try again")).contains("shows no sign of it");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
  }
}
