package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.testing.PayPalActions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each action offered in Slack has one form: its own button and modal, found by either. */
class CardActionTest {
  @Test
  void everyActionButTheSandboxTestsIsOfferedOnce() {
    for (DisputeAction a : PayPalActions.ALL) {
      boolean sandboxOnly =
          a == ActionRequest.Adjudicate.ACTION || a == ActionRequest.RequireEvidence.ACTION;
      assertThat(CardAction.of(a)).as(a.name()).matches(f -> f.isPresent() != sandboxOnly);
    }
    assertThat(Arrays.stream(CardAction.values()).map(CardAction::buttonId).distinct())
        .hasSize(CardAction.values().length);
    assertThat(Arrays.stream(CardAction.values()).map(CardAction::viewId).distinct())
        .hasSize(CardAction.values().length);
  }

  @Test
  void buttonAndModalLeadToTheSameForm() {
    for (CardAction f : CardAction.values()) {
      assertThat(CardAction.byButton(f.buttonId())).contains(f);
      assertThat(CardAction.byView(f.viewId())).contains(f);
    }
    assertThat(Arrays.stream(CardAction.values()).filter(CardAction::carriesShipment))
        .containsExactlyInAnyOrder(CardAction.PROVIDE_EVIDENCE, CardAction.APPEAL);
    assertThat(Arrays.stream(CardAction.values()).filter(CardAction::switches))
        .containsExactlyInAnyOrder(
            CardAction.ACCEPT_CLAIM,
            CardAction.MAKE_OFFER,
            CardAction.PROVIDE_EVIDENCE,
            CardAction.APPEAL);
  }
}
