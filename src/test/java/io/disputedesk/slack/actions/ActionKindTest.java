package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.actions.ActionKind;
import io.disputedesk.actions.ActionKinds;
import io.disputedesk.auth.Role;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One descriptor per kind of action, {@link CardAction}: its name, role, money, request and
 * endpoint, each said once, and the registry the use cases find them in.
 */
class ActionKindTest {
  private final ActionKinds kinds = new ActionKinds(CardAction.kinds());

  @Test
  void everyActionHasItsOwnDescriptorAndItsRequestsEndpoint() throws Exception {
    for (CardAction a : CardAction.values()) {
      assertThat(kinds.of(a.action())).as(a.name()).isSameAs(a);
      // The endpoint the descriptor names is the one its request record declares.
      assertThat(a.requestType().getField("ACTION").get(null)).as(a.name()).isEqualTo(a.action());
      // The ledger keeps the enum's name: rows written before the descriptors still read.
      assertThat(a.action().name()).isEqualTo(a.name());
      assertThat(kinds.actions().named(a.name())).contains(a.action());
    }
    assertThat(Arrays.stream(CardAction.values()).map(ActionKind::title).distinct())
        .hasSize(CardAction.values().length);
    assertThat(Arrays.stream(CardAction.values()).map(ActionKind::requestType).distinct())
        .hasSize(CardAction.values().length);
  }

  @Test
  void onlyApproversGiveMoneyAwayOrAppeal() {
    assertThat(Arrays.stream(CardAction.values()).filter(ActionKind::movesMoney))
        .containsExactlyInAnyOrder(CardAction.ACCEPT_CLAIM, CardAction.MAKE_OFFER);
    assertThat(Arrays.stream(CardAction.values()).filter(k -> k.role() == Role.AGENT))
        .containsExactlyInAnyOrder(
            CardAction.SEND_MESSAGE,
            CardAction.PROVIDE_EVIDENCE,
            CardAction.ESCALATE,
            CardAction.ACKNOWLEDGE_RETURN_ITEM,
            CardAction.PROVIDE_SUPPORTING_INFO,
            CardAction.UPDATE_CONTACT_DETAILS);
  }

  @Test
  void theRequestTypeIsTheOnePayPalTakesForTheAction() {
    assertThat(CardAction.MAKE_OFFER.requestType()).isEqualTo(ActionRequest.MakeOffer.class);
    assertThat(kinds.of(ActionRequest.MakeOffer.ACTION).title()).isEqualTo("Make offer");
    assertThat(kinds.of(new ActionRequest.SendMessage("Hello"))).isSameAs(CardAction.SEND_MESSAGE);
  }

  @Test
  void anActionNoDescriptorPerformsIsRefusedNotGuessed() {
    assertThatThrownBy(() -> kinds.of(ActionRequest.Adjudicate.ACTION))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADJUDICATE");
    assertThat(kinds.actions().named("ADJUDICATE")).isEmpty();
    assertThat(kinds.actions().named(null)).isEmpty();
  }

  @Test
  void twoDescriptorsOfOneRequestOrNameAreRefused() {
    assertThatThrownBy(() -> new ActionKinds(List.of(CardAction.APPEAL, CardAction.APPEAL)))
        .isInstanceOf(IllegalArgumentException.class);
    DisputeAction twin = DisputeAction.post("make_offer", DisputeAction.Files.NONE);
    assertThat(twin).isEqualTo(ActionRequest.MakeOffer.ACTION);
    assertThatThrownBy(
            () ->
                new io.disputedesk.paypal.DisputeActions(
                    List.of(ActionRequest.MakeOffer.ACTION, twin)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MAKE_OFFER");
  }
}
