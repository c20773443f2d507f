package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.testing.StateValues;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A click or submission that Slack did not sign (or signed long ago) is refused before any handler
 * runs.
 */
class SignatureTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  @Test
  void forgedOrStaleSignaturesAreUnauthorizedAndChangeNothing() {
    DeskDriver desk = DeskDriver.of(bot);
    String id =
        desk.dispute(SimDisputeSpec.builder().amount("20.00", "USD").acceptClaimTypes("REFUND"));
    SlackView view = desk.open(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
    SlackBody submission =
        desk.submission(
                view,
                ALICE,
                new StateValues()
                    .staticSelect(
                        ModalFields.ACCEPT_TYPE, ModalFields.ACCEPT_TYPE, "REFUND", "Full refund")
                    .plainText(ModalFields.NOTE, ModalFields.NOTE, "Refund."))
            .body();
    SignedPost forger = new SignedPost(desk.uri(), new SlackSigner("not-the-signing-secret"));

    SignedPost.Reply forged = forger.send(submission);
    SignedPost.Reply stale =
        desk.post.sendAt(submission, Instant.now().minusSeconds(6 * 60).getEpochSecond());
    SignedPost.Reply forgedClick =
        forger.send(desk.clickBody(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE).body());

    assertThat(forged.status()).isEqualTo(401);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(forgedClick.status()).isEqualTo(401);
    desk.settle();
    assertThat(desk.slack.openViews(ALICE)).isEmpty();
    assertThat(desk.sim.count("accept-claim")).isZero();
    assertThat(desk.actions.inState(io.disputedesk.dispute.ActionStatus.IN_FLIGHT)).isEmpty();
    assertThat(desk.auditOf(id)).isEmpty();
  }
}
