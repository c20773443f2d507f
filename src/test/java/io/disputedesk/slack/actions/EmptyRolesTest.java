package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimDisputeSpecBuilder;
import io.disputedesk.sim.SimReason;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With no one in APPROVERS or AGENTS, every action explains how to configure the roles. */
class EmptyRolesTest {
  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(DeskOptions.forActions().roles(List.of(), List.of(), "USD:100"));

  private static SimDisputeSpecBuilder claim() {
    return SimDisputeSpec.builder()
        .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
        .amount("49.99", "USD")
        .offerTypes("REFUND")
        .acceptClaimTypes("REFUND");
  }

  @Test
  void emptyRoleListsExplainHowToConfigureThemAndDoNothing() {
    DeskDriver desk = DeskDriver.of(bot);
    String id = desk.dispute(claim());

    desk.click(CardAction.ACCEPT_CLAIM.buttonId(), id, ALICE);
    desk.click(Ids.ASSIGN_ME, id, ALICE);

    assertThat(desk.awaitEphemeral(ALICE, "No one has this permission yet"))
        .contains("APPROVERS", "Slack user ids (U…) or user-group ids (S…)");
    Await.until("both refusals", () -> desk.ephemeralTexts(ALICE).size() == 2);
    assertThat(desk.ephemeralTexts(ALICE))
        .anySatisfy(t -> assertThat(t).contains("AGENTS (or APPROVERS)"));
    assertThat(desk.slack.openViews(ALICE)).isEmpty();
    assertThat(desk.owners.owner(id)).isEmpty();
    assertThat(desk.sim.requests())
        .noneMatch(r -> r.method().equals("POST") && !r.operation().equals("token"));
  }
}
