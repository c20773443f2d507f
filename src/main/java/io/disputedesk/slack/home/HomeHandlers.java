package io.disputedesk.slack.home;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.disputedesk.slack.Ids;

/**
 * Publishes the Home tab when a person opens it, and the next page of a list on "show more"; opens
 * and answers the tab's search.
 */
public final class HomeHandlers {
  private final HomePublisher publisher;
  private final HomeSearch search;

  public HomeHandlers(HomePublisher publisher, HomeSearch search) {
    this.publisher = publisher;
    this.search = search;
  }

  public void register(App app) {
    app.event(
        AppHomeOpenedEvent.class,
        (req, ctx) -> {
          AppHomeOpenedEvent event = req.getEvent();
          // The Messages tab fires the same event; only the Home tab shows our view.
          if (event.getUser() != null
              && (event.getTab() == null || "home".equals(event.getTab()))) {
            publisher.refreshFor(event.getUser());
          }
          return ctx.ack();
        });
    app.blockAction(
        Ids.HOME_MORE,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          publisher.moveLater(p.getUser().getId(), p.getActions().get(0).getValue());
          return ctx.ack();
        });
    app.blockAction(
        Ids.HOME_SEARCH, (req, ctx) -> search.open(req.getPayload().getTriggerId(), ctx));
    app.viewSubmission(Ids.VIEW_SEARCH, (req, ctx) -> search.submit(req.getPayload(), ctx));
  }
}
