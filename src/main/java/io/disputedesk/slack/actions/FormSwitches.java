package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The menus of the action forms that decide which inputs PayPal needs (offer type, way of
 * accepting, kind of evidence) dispatch each choice; the form is then redrawn with those inputs,
 * keeping what the person typed. Acknowledged first; the redraw ({@code views.update} guarded by
 * the view's hash, so a newer state of the form wins) runs on the executor.
 */
final class FormSwitches {
  private static final Logger log = LoggerFactory.getLogger(FormSwitches.class);
  private final DisputeStore disputes;
  private final ModalBuilder modals;
  private final Notices notices;
  private final ObjectMapper mapper;
  private final Executor executor;

  FormSwitches(
      DisputeStore disputes,
      ModalBuilder modals,
      Notices notices,
      ObjectMapper mapper,
      Executor executor) {
    this.disputes = disputes;
    this.modals = modals;
    this.notices = notices;
    this.mapper = mapper;
    this.executor = executor;
  }

  void register(App app) {
    for (String id :
        Arrays.stream(CardAction.values()).flatMap(a -> a.menus().stream()).distinct().toList()) {
      app.blockAction(id, (req, ctx) -> redraw(req.getPayload(), ctx));
    }
  }

  private Response redraw(BlockActionPayload payload, ActionContext ctx) {
    View view = payload.getView();
    CardAction kind =
        view == null
            ? null
            : CardAction.byView(view.getCallbackId()).filter(CardAction::switches).orElse(null);
    Optional<ModalContext> context =
        view == null ? Optional.empty() : ModalContext.parse(mapper, view.getPrivateMetadata());
    if (kind == null || context.isEmpty() || view.getId() == null) {
      return ctx.ack();
    }
    executor.execute(
        () -> {
          Optional<StoredDispute> stored = disputes.find(context.get().disputeId());
          if (stored.isEmpty()) {
            return;
          }
          View redrawn =
              modals.forAction(
                  kind,
                  stored.get().dispute(),
                  view.getPrivateMetadata(),
                  new FormReader(view.getState()));
          String error = notices.updateView(view.getId(), view.getHash(), redrawn);
          if (error != null) {
            log.info(
                "The {} form of {} was not redrawn for the new choice: {}",
                kind,
                context.get().disputeId(),
                error);
          }
        });
    return ctx.ack();
  }
}
