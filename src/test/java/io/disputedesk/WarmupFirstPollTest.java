package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The scheduled first poll comes after the warm-up that runs after start. */
class WarmupFirstPollTest {
  private static final String SYNTHETIC = "PP-D-WARMUP";

  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(
          DeskOptions.defaults().replicas(0).run(BotDesk.fast().withFirstPollDelay(Duration.ZERO)));

  @Test
  void theScheduledFirstPollWaitsForTheWarmUp() {
    BotDesk desk = bot.desk();
    String id =
        desk.sim.createDispute(
            SimDisputeSpec.builder().reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED).build());
    RunningApp app = desk.start();

    Await.until("the first scheduled poll to post the card", () -> desk.cardsOf(id).size() == 1);
    assertThat(app.awaitWarmup(Duration.ZERO)).isTrue();
    assertThat(desk.cards()).noneMatch(card -> SYNTHETIC.equals(BotDesk.disputeOf(card)));
  }
}
