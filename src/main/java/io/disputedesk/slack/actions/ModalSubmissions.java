package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionService;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.DraftThread;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Mrkdwn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submissions of the action modals: inputs are checked at once and errors shown on their fields (a
 * money form whose dispute changed since it opened is refused there too, see {@link StaleForm}); a
 * valid form turns into "Sending to PayPal…" at once and the action runs on the executor, so
 * PayPal's speed never delays the answer to Slack; {@link FormAnswers} then shows PayPal's answer
 * in the same modal. The view id (and the try, after a refusal) names the intent: a retried or
 * repeated submission of the same form runs once.
 */
final class ModalSubmissions {
  private static final Logger log = LoggerFactory.getLogger(ModalSubmissions.class);

  /**
   * Where an error goes when the input it is about is not in the form (it changed under the
   * person).
   */
  private static final List<String> GENERAL =
      List.of(
          ModalFields.OFFER_TYPE,
          ModalFields.ACCEPT_TYPE,
          ModalFields.EVIDENCE_TYPE,
          ModalFields.NOTE,
          ModalFields.MESSAGE);

  static final String OUT_OF_DATE =
      "This form is out of date: close it and open it again from the dispute's card.";

  private final ActionService service;
  private final DisputeStore disputes;
  private final ObjectMapper mapper;
  private final AfterAck after;
  private final String defaultChannel;
  private final EvidenceDrafts drafts;
  private final ModalBuilder modals;
  private final SubmissionWork work;

  ModalSubmissions(
      ActionService service,
      DisputeStore disputes,
      ObjectMapper mapper,
      AfterAck after,
      String defaultChannel,
      EvidenceDrafts drafts,
      ModalBuilder modals,
      SubmissionWork work) {
    this.drafts = drafts;
    this.modals = modals;
    this.service = service;
    this.disputes = disputes;
    this.mapper = mapper;
    this.after = after;
    this.defaultChannel = defaultChannel;
    this.work = work;
  }

  void register(App app) {
    for (CardAction form : CardAction.values()) {
      app.viewSubmission(
          form.viewId(),
          (req, ctx) ->
              submit(
                  req.getPayload(),
                  ctx,
                  form,
                  req.getHeaders().getFirstValue("X-Slack-Retry-Num") != null));
    }
    app.viewSubmission(Ids.VIEW_REASSIGN, (req, ctx) -> reassign(req.getPayload(), ctx));
  }

  /** {@code retried}: Slack sent this submission again, as it does when our answer seemed late. */
  private Response submit(
      ViewSubmissionPayload payload, ViewSubmissionContext ctx, CardAction form, boolean retried) {
    View view = payload.getView();
    String user = payload.getUser().getId();
    Optional<ModalContext> context = ModalContext.parse(mapper, view.getPrivateMetadata());
    if (context.isEmpty()) {
      log.warn("A {} submission carried no dispute context", view.getCallbackId());
      return keepOpen(view, ctx, user, OUT_OF_DATE);
    }
    ModalContext c = context.get();
    String channel = c.channel() == null ? defaultChannel : c.channel();
    Optional<StoredDispute> stored = disputes.find(c.disputeId());
    if (stored.isEmpty()) {
      after.tell(
          channel, user, "I don't know dispute " + Mrkdwn.escape(c.disputeId()) + " any more.");
      return ctx.ack();
    }
    if (form.movesMoney()) {
      Dispute now = stored.get().dispute();
      Optional<Map<String, String>> changed = StaleForm.errors(view, c.seen(), now);
      if (changed.isPresent()) {
        String detail = StaleForm.detail(c.seen(), now);
        Runnable audit =
            () -> service.gate().recordChanged(user, c.disputeId(), form.action(), detail);
        if (!after.submit(audit)) {
          audit.run();
        }
        return ctx.ackWithErrors(changed.get());
      }
    }
    Dispute dispute = stored.get().dispute();
    // A form that edits a draft keeps the draft's files unless new ones are attached.
    FormReader values = new FormReader(drafts.withKeptFiles(c, view.getState()));
    FormResult result = form.read(values, dispute);
    if (result instanceof FormResult.Valid ok && form.carriesShipment()) {
      // A Slack retry of a form that went through finds PayPal holding the tracker it added: not an
      // error then.
      result = TrackerForm.withTracker(ok, values, modals.known(c.disputeId()), !retried);
    }
    if (result instanceof FormResult.Invalid invalid) {
      return ctx.ackWithErrors(onShownInputs(view, invalid.errors()));
    }
    FormResult.Valid valid = (FormResult.Valid) result;
    if (EvidenceDrafts.wanted(form, view)) {
      if (!after.submit(() -> work.saveDraft(c, channel, user, view, valid))) {
        return keepOpen(view, ctx, user, AfterAck.BUSY);
      }
      return ctx.ack();
    }
    String intentKey =
        "view:"
            + view.getId()
            + ":"
            + view.getCallbackId()
            + ":"
            + c.disputeId()
            + (c.tries() == 0 ? "" : ":" + c.tries())
            + (c.draft() == null ? "" : DraftThread.formIntentSuffix(c.draft()));
    String what =
        form.title()
            + ": "
            + form.details(
                valid.request(),
                form.amount(valid.request(), dispute).orElse(null),
                valid.files().stream()
                    .map(f -> f.getName() == null ? "file" : f.getName())
                    .toList());
    FormAnswers.Submitted submitted =
        new FormAnswers.Submitted(
            view, c, channel, user, form, valid, intentKey, System.nanoTime());
    if (!after.submit(() -> work.answer(submitted, retried))) {
      return keepOpen(view, ctx, user, AfterAck.BUSY);
    }
    return ctx.ackWithUpdate(ResultViews.progress(view, dispute, what));
  }

  /**
   * Errors keyed by inputs the submitted form has; an error about an input it does not show (the
   * form was being redrawn for another choice) goes on its general input instead.
   */
  static Map<String, String> onShownInputs(View view, Map<String, String> errors) {
    Set<String> shown = ResultViews.inputs(view);
    if (shown.isEmpty() || shown.containsAll(errors.keySet())) {
      return errors;
    }
    String general = GENERAL.stream().filter(shown::contains).findFirst().orElse(null);
    if (general == null) {
      return errors;
    }
    Map<String, String> out = new LinkedHashMap<>();
    errors.forEach(
        (block, error) -> {
          String target = shown.contains(block) ? block : general;
          out.merge(target, error, (a, b) -> a + " " + b);
        });
    return out;
  }

  private Response reassign(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
    View view = payload.getView();
    String user = payload.getUser().getId();
    Optional<ModalContext> context = ModalContext.parse(mapper, view.getPrivateMetadata());
    if (context.isEmpty()) {
      log.warn("A reassign submission carried no dispute context");
      return keepOpen(view, ctx, user, OUT_OF_DATE);
    }
    Optional<String> owner = new FormReader(view.getState()).user(ModalFields.ASSIGNEE);
    if (owner.isEmpty()) {
      return ctx.ackWithErrors(Map.of(ModalFields.ASSIGNEE, "Pick the new owner."));
    }
    ModalContext c = context.get();
    String channel = c.channel() == null ? defaultChannel : c.channel();
    String intentKey = "view:" + view.getId() + ":" + view.getCallbackId() + ":" + c.disputeId();
    if (!after.submit(() -> work.reassign(c, owner.get(), channel, user, intentKey))) {
      return ctx.ackWithErrors(Map.of(ModalFields.ASSIGNEE, AfterAck.BUSY));
    }
    return ctx.ack();
  }

  /**
   * Leaves the form open with {@code message} on its first input, so nothing closes unanswered; a
   * form without inputs closes and the person gets the message privately instead.
   */
  private Response keepOpen(View view, ViewSubmissionContext ctx, String user, String message) {
    Optional<String> firstInput =
        view.getState() == null || view.getState().getValues() == null
            ? Optional.empty()
            : view.getState().getValues().keySet().stream().findFirst();
    if (firstInput.isPresent()) {
      return ctx.ackWithErrors(Map.of(firstInput.get(), message));
    }
    after.tell(defaultChannel, user, message);
    return ctx.ack();
  }
}
