package io.disputedesk.testing;

import io.disputedesk.actions.ActionKinds;
import io.disputedesk.paypal.DisputeActions;
import io.disputedesk.slack.actions.CardAction;

/** The kinds of action as the composition root builds them, for tests that build parts alone. */
public final class Kinds {
  /** Every descriptor's kind. */
  public static final ActionKinds ALL = new ActionKinds(CardAction.kinds());

  /** Their PayPal actions, by the names the ledger stores. */
  public static final DisputeActions ACTIONS = ALL.actions();

  private Kinds() {}
}
