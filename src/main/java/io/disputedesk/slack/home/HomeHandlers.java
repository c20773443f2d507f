package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.disputedesk.slack.Ids;

/** Publishes the Home tab when a person opens it, and the next page of a list on "show more". */
public final class HomeHandlers {
  private final HomePublisher publisher;
  private final ObjectMapper mapper;

  public HomeHandlers(HomePublisher publisher, ObjectMapper mapper) {
    this.publisher = publisher;
    this.mapper = mapper;
  }

  public void register(App app) {
    app.event(AppHomeOpenedEvent.class, (req, ctx) -> {
      AppHomeOpenedEvent event = req.getEvent();
      // The Messages tab fires the same event; only the Home tab shows our view.
      if (event.getUser() != null && (event.getTab() == null || "home".equals(event.getTab()))) {
        publisher.publishLater(event.getUser(), HomeState.FIRST);
      }
      return ctx.ack();
    });
    app.blockAction(Ids.HOME_MORE, (req, ctx) -> {
      BlockActionPayload p = req.getPayload();
      String metadata = p.getView() == null ? null : p.getView().getPrivateMetadata();
      HomeState state = HomeState.fromMetadata(mapper, metadata).moved(p.getActions().get(0).getValue());
      publisher.publishLater(p.getUser().getId(), state);
      return ctx.ack();
    });
  }
}
