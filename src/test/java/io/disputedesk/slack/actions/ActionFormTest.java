package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.DisputeAction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each action offered in Slack has one form: its own button and modal, found by either. */
class ActionFormTest {
  @Test
  void everyActionButTheSandboxTestsIsOfferedOnce() {
    for (DisputeAction a : DisputeAction.values()) {
      boolean sandboxOnly = a == DisputeAction.ADJUDICATE || a == DisputeAction.REQUIRE_EVIDENCE;
      assertThat(ActionForm.of(a)).as(a.name()).matches(f -> f.isPresent() != sandboxOnly);
    }
    assertThat(Arrays.stream(ActionForm.values()).map(ActionForm::buttonId).distinct())
        .hasSize(ActionForm.values().length);
    assertThat(Arrays.stream(ActionForm.values()).map(ActionForm::viewId).distinct())
        .hasSize(ActionForm.values().length);
  }

  @Test
  void buttonAndModalLeadToTheSameForm() {
    for (ActionForm f : ActionForm.values()) {
      assertThat(ActionForm.byButton(f.buttonId())).contains(f);
      assertThat(ActionForm.byView(f.viewId())).contains(f);
    }
    assertThat(Arrays.stream(ActionForm.values()).filter(ActionForm::carriesShipment))
        .containsExactlyInAnyOrder(ActionForm.PROVIDE_EVIDENCE, ActionForm.APPEAL);
    assertThat(Arrays.stream(ActionForm.values()).filter(ActionForm::switches))
        .containsExactlyInAnyOrder(
            ActionForm.ACCEPT_CLAIM,
            ActionForm.MAKE_OFFER,
            ActionForm.PROVIDE_EVIDENCE,
            ActionForm.APPEAL);
  }
}
