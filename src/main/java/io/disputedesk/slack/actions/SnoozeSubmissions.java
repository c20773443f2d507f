package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.disputedesk.actions.Snoozes;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Mrkdwn;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submissions of the Snooze modal: the form and the dispute are checked at once (errors on their
 * inputs), then the snooze is stored and noted after the ack. The view id names the intent, so a
 * retried submission notes the snooze once.
 */
final class SnoozeSubmissions {
  private static final Logger log = LoggerFactory.getLogger(SnoozeSubmissions.class);

  private final Snoozes snoozes;
  private final DisputeStore disputes;
  private final Notices notices;
  private final ObjectMapper mapper;
  private final AfterAck after;
  private final String defaultChannel;

  SnoozeSubmissions(
      Snoozes snoozes,
      DisputeStore disputes,
      Notices notices,
      ObjectMapper mapper,
      AfterAck after,
      String defaultChannel) {
    this.snoozes = snoozes;
    this.disputes = disputes;
    this.notices = notices;
    this.mapper = mapper;
    this.after = after;
    this.defaultChannel = defaultChannel;
  }

  void register(App app) {
    app.viewSubmission(Ids.VIEW_SNOOZE, (req, ctx) -> submit(req.getPayload(), ctx));
  }

  private Response submit(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
    View view = payload.getView();
    String user = payload.getUser().getId();
    Optional<ModalContext> context = ModalContext.parse(mapper, view.getPrivateMetadata());
    if (context.isEmpty()) {
      log.warn("A snooze submission carried no dispute context");
      return ctx.ackWithErrors(Map.of(ModalFields.SNOOZE_MODE, ModalSubmissions.OUT_OF_DATE));
    }
    SnoozeForm.Answer answer = SnoozeForm.read(new FormReader(view.getState()));
    if (!answer.errors().isEmpty()) {
      return ctx.ackWithErrors(answer.errors());
    }
    ModalContext c = context.get();
    Snoozes.Request request = answer.request();
    Optional<String> problem =
        disputes
            .find(c.disputeId())
            .map(StoredDispute::dispute)
            .flatMap(d -> Snoozes.problem(d, request, snoozes.now()));
    if (problem.isPresent()) {
      return ctx.ackWithErrors(Map.of(SnoozeForm.fieldFor(request), problem.get()));
    }
    String channel = c.channel() == null ? defaultChannel : c.channel();
    String intentKey = "view:" + view.getId() + ":" + c.disputeId();
    if (!after.submit(() -> snooze(c, request, channel, user, intentKey))) {
      return ctx.ackWithErrors(Map.of(ModalFields.SNOOZE_MODE, AfterAck.BUSY));
    }
    return ctx.ack();
  }

  private void snooze(
      ModalContext c, Snoozes.Request request, String channel, String user, String intentKey) {
    try {
      snoozes
          .snooze(c.disputeId(), user, request, intentKey)
          .note()
          .ifPresent(text -> notices.tell(channel, user, text));
    } catch (RuntimeException e) {
      log.error("Snoozing {} failed after its form closed", c.disputeId(), e);
      notices.tell(
          channel,
          user,
          ":warning: Something went wrong inside Dispute Desk while snoozing "
              + Mrkdwn.escape(c.disputeId())
              + "; it has been logged. Check the card before trying again.");
    }
  }
}
