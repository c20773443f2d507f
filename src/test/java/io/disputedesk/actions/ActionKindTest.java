package io.disputedesk.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.auth.Role;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One descriptor per PayPal action: its name, role, money and request, each said once. */
class ActionKindTest {
  @Test
  void everyPayPalActionHasItsOwnDescriptor() {
    for (DisputeAction a : DisputeAction.values()) {
      assertThat(ActionKind.of(a)).as(a.name()).isNotNull();
      assertThat(ActionKind.of(a).action()).isEqualTo(a);
    }
    assertThat(Arrays.stream(ActionKind.values()).map(ActionKind::title).distinct())
        .hasSize(ActionKind.values().length);
    assertThat(Arrays.stream(ActionKind.values()).map(ActionKind::requestType).distinct())
        .hasSize(ActionKind.values().length);
  }

  @Test
  void onlyApproversGiveMoneyAwayOrAppeal() {
    assertThat(Arrays.stream(ActionKind.values()).filter(ActionKind::movesMoney))
        .containsExactlyInAnyOrder(ActionKind.ACCEPT_CLAIM, ActionKind.MAKE_OFFER);
    assertThat(Arrays.stream(ActionKind.values()).filter(k -> k.role() == Role.AGENT))
        .containsExactlyInAnyOrder(
            ActionKind.SEND_MESSAGE,
            ActionKind.PROVIDE_EVIDENCE,
            ActionKind.ESCALATE,
            ActionKind.ACKNOWLEDGE_RETURN_ITEM,
            ActionKind.PROVIDE_SUPPORTING_INFO,
            ActionKind.UPDATE_CONTACT_DETAILS);
  }

  @Test
  void theRequestTypeIsTheOnePayPalTakesForTheAction() {
    assertThat(ActionKind.MAKE_OFFER.requestType()).isEqualTo(ActionRequest.MakeOffer.class);
    assertThat(ActionKind.of(DisputeAction.MAKE_OFFER).title()).isEqualTo("Make offer");
  }
}
