package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm-up after start runs through the poll's and the forms' code and leaves nothing behind;
 * the scheduled first poll comes after it.
 */
class WarmupTest {
  private static final String SYNTHETIC = "PP-D-WARMUP";

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  @Test
  void aStartedBotHasNoRowsPostsOrAuditOfItsWarmUp() {
    DeskDriver desk = DeskDriver.of(bot);
    desk.app().warmup().orElseThrow();
    // A real dispute's card goes out after it: whatever the warm-up could have queued would have
    // gone with it.
    String id =
        desk.dispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED));

    assertThat(desk.disputes.count()).isEqualTo(1);
    assertThat(desk.disputes.find(id)).isPresent();
    assertThat(desk.disputes.find(SYNTHETIC)).isEmpty();
    assertThat(desk.cards.find(SYNTHETIC)).isEmpty();
    assertThat(desk.slack.calls())
        .extracting(ApiCall::rawBody)
        .noneMatch(body -> body.contains(SYNTHETIC));
    assertThat(desk.slack.messages(DeskDriver.CHANNEL))
        .isNotEmpty()
        .noneMatch(
            m ->
                String.valueOf(m.text()).contains(SYNTHETIC)
                    || String.valueOf(m.blocks()).contains(SYNTHETIC));
    assertThat(desk.auditOf(SYNTHETIC)).isEmpty();
    assertThat(desk.outbox.pendingCount()).isZero();
  }

  @Test
  void theWarmUpGoesThroughTheSyncAndEveryFormOfItsDispute() {
    DeskDriver desk = DeskDriver.of(bot);
    Warmup.Done done = desk.app().warmup().orElseThrow();

    assertThat(done.events()).isPositive();
    assertThat(done.forms()).isEqualTo(9);
    assertThat(desk.disputes.count()).isZero();
    assertThat(desk.outbox.pendingCount()).isZero();
  }
}
