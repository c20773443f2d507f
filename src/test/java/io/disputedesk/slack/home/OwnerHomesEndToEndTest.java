package io.disputedesk.slack.home;

import static io.disputedesk.testing.People.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The started app republishes an owner's Home tab when a poll finds their dispute changed at
 * PayPal.
 */
class OwnerHomesEndToEndTest {
  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  @Test
  void aPollThatChangesAnOwnedDisputeRepublishesOnlyItsOwnersHome() {
    DeskDriver desk = DeskDriver.of(bot);
    String owned = desk.dispute(SimDisputeSpec.builder());
    String unowned = desk.dispute(SimDisputeSpec.builder());
    desk.owners.assign(owned, BOB, BOB);
    desk.sim.addBuyerMessage(owned, "Any news?");
    desk.sim.addBuyerMessage(unowned, "Hello?");

    desk.poll();

    Await.until("Bob's Home tab is published", () -> desk.homePublishes(BOB) == 1);
    assertThat(desk.threadTexts(unowned)).anySatisfy(t -> assertThat(t).contains("Hello?"));
    desk.settle();
    assertThat(desk.slack.calls("views.publish")).hasSize(1);
    assertThat(desk.slack.homeView(BOB).orElseThrow().json().toString())
        .contains("*Your queue* (1)", owned);
  }
}
