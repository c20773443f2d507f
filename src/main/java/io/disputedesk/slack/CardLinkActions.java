package io.disputedesk.slack;

import com.slack.api.bolt.App;

/**
 * Acknowledges clicks on a card's link button: the browser opens PayPal, the bot has nothing to do.
 */
public final class CardLinkActions {
  public void register(App app) {
    app.blockAction(Ids.OPEN_IN_PAYPAL, (req, ctx) -> ctx.ack());
  }
}
