package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionIntent;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionService;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.UploadFile;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.ProgressShown;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a submitted action form off the ack path and answers in the form itself ({@code
 * views.update} of the "Sending to PayPal…" view): PayPal's acceptance, its refusal on the field it
 * is about (the form again, with the person's values), any other refusal in plain words with its
 * debug id, or the wait for an approver. When the person closed the form meanwhile, the answer goes
 * to them as an ephemeral note in the card's channel. The card's thread records every attempt
 * either way.
 */
final class FormAnswers {
  private static final Logger log = LoggerFactory.getLogger(FormAnswers.class);

  /** A valid form, acknowledged with the progress view at {@code ackedAt} (System.nanoTime). */
  record Submitted(
      View form,
      ModalContext context,
      String channel,
      String user,
      CardAction kind,
      FormResult.Valid valid,
      String intentKey,
      long ackedAt) {}

  private record Answer(View view, String note) {}

  private final ActionService service;
  private final DisputeStore disputes;
  private final SlackFiles files;
  private final Notices notices;
  private final ModalBuilder modals;
  private final ObjectMapper mapper;

  FormAnswers(
      ActionService service,
      DisputeStore disputes,
      SlackFiles files,
      Notices notices,
      ModalBuilder modals,
      ObjectMapper mapper) {
    this.service = service;
    this.disputes = disputes;
    this.files = files;
    this.notices = notices;
    this.modals = modals;
    this.mapper = mapper;
  }

  /**
   * Sends the form's action and shows the answer; returns the outcome (FAILED when the files could
   * not be fetched, so nothing was sent).
   */
  ActionOutcome run(Submitted s) {
    List<UploadFile> attached;
    try {
      attached = files.fetch(s.valid().files());
    } catch (SlackFiles.FetchException e) {
      show(
          s,
          onField(
                  s,
                  ModalFields.FILES,
                  Mrkdwn.escape(e.getMessage()) + " Nothing was sent to PayPal.",
                  e.getMessage() + " Nothing was sent to PayPal.")
              .orElseGet(
                  () ->
                      plain(
                          s,
                          new ResultViews.Shown(
                              ":x: "
                                  + Mrkdwn.escape(e.getMessage())
                                  + " Nothing was sent to PayPal.",
                              null))));
      return ActionOutcome.of(ActionOutcome.Result.FAILED, null);
    }
    ActionOutcome outcome =
        service.submit(
            new ActionIntent(
                s.context().disputeId(),
                s.valid().request(),
                attached,
                s.user(),
                s.intentKey(),
                s.context().seen(),
                s.valid().tracker()));
    if (outcome.result() == ActionOutcome.Result.DUPLICATE) {
      return outcome; // the first delivery of this submission answers in the form
    }
    show(s, answer(s, outcome, attached.stream().map(UploadFile::name).toList()));
    return outcome;
  }

  private Answer answer(Submitted s, ActionOutcome outcome, List<String> fileNames) {
    String title = s.kind().title();
    return switch (outcome.result()) {
      case SUCCEEDED -> {
        String details =
            s.kind()
                .details(
                    s.valid().request(),
                    outcome.action() == null ? null : outcome.action().amount(),
                    fileNames);
        String tracking =
            s.valid().tracker() == null
                ? ""
                : "\n:package: Adding tracking "
                    + Mrkdwn.escape(
                        s.valid().tracker().carrierName()
                            + " "
                            + s.valid().tracker().trackingNumber())
                    + " to PayPal too: the"
                    + " card's thread says how it went.";
        yield plain(
            s,
            new ResultViews.Shown(
                ":white_check_mark: *PayPal accepted it.*\n*"
                    + title
                    + "*: "
                    + Mrkdwn.escape(details)
                    + "."
                    + tracking,
                outcome.action() == null ? null : outcome.action().debugId()));
      }
      case FAILED -> refused(s, outcome);
      case UNKNOWN ->
          plain(
              s,
              new ResultViews.Shown(
                  ":warning: *PayPal did not answer in time.* I'm checking the"
                      + " dispute and will say in the card's thread whether it went through; please don't send it again"
                      + " until then.",
                  null));
      case AWAITING_APPROVAL ->
          plain(
              s,
              new ResultViews.Shown(
                  ":lock: *Waiting for a second approver.* "
                      + outcome
                          .note()
                          .orElse(
                              "It runs once another approver approves it in the card's thread."),
                  null));
      default ->
          plain(
              s,
              new ResultViews.Shown(
                  ":no_entry_sign: "
                      + outcome.note().orElse("*" + title + "* was not sent to PayPal."),
                  null));
    };
  }

  /**
   * PayPal's refusal on the field it is about, when the form shows that field; else in plain words.
   */
  private Answer refused(Submitted s, ActionOutcome outcome) {
    Optional<ActionOutcome.Refusal> refusal = outcome.paypalRefusal();
    String reason =
        refusal
            .map(ActionOutcome.Refusal::reason)
            .orElse(outcome.action() == null ? "PayPal refused it." : outcome.action().outcome());
    String debugId = refusal.map(ActionOutcome.Refusal::debugId).orElse(null);
    if (refusal.isPresent()) {
      Optional<View> redrawn = redraw(s);
      Optional<RefusalFields.Tied> tied =
          redrawn.flatMap(v -> RefusalFields.tie(refusal.get().problems(), ResultViews.inputs(v)));
      if (tied.isPresent()) {
        PayPalException.Problem p = tied.get().problem();
        String sentence =
            PayPalException.sentenceFor(p.issue())
                .orElse(p.description() != null ? p.description() : reason);
        String error =
            Mrkdwn.escape(sentence)
                + (debugId == null ? "" : " (PayPal debug id " + Mrkdwn.escape(debugId) + ")");
        return new Answer(
            ResultViews.withError(
                redrawn.get(), tied.get().block(), error, !s.valid().files().isEmpty()),
            note(s, "did not go through: " + reason));
      }
    }
    return plain(
        s,
        new ResultViews.Shown(
            ":x: *PayPal did not accept it.* " + Mrkdwn.escape(reason) + " Nothing was changed.",
            debugId));
  }

  /** The form error shown on {@code block} of the form drawn again, when it has that input. */
  private Optional<Answer> onField(Submitted s, String block, String error, String plainReason) {
    return redraw(s)
        .filter(v -> ResultViews.inputs(v).contains(block))
        .map(v -> new Answer(ResultViews.withError(v, block, error, true), note(s, plainReason)));
  }

  /** The form again with the person's values, for the next try. */
  private Optional<View> redraw(Submitted s) {
    Optional<StoredDispute> stored = disputes.find(s.context().disputeId());
    return stored.map(
        d ->
            modals.forAction(
                s.kind(),
                d.dispute(),
                s.context().nextTry().toJson(mapper),
                new FormReader(s.form().getState())));
  }

  private Answer plain(Submitted s, ResultViews.Shown shown) {
    Dispute d = disputes.find(s.context().disputeId()).map(StoredDispute::dispute).orElse(null);
    return new Answer(
        ResultViews.outcome(s.form(), d, shown), s.context().disputeId() + " · " + shown.asNote());
  }

  private static String note(Submitted s, String what) {
    return s.context().disputeId() + " · *" + s.kind().title() + "* " + what;
  }

  /**
   * Shows the answer in the form, or, when the person closed it, as an ephemeral note in the card's
   * channel.
   */
  private void show(Submitted s, Answer answer) {
    ProgressShown.await(s.ackedAt());
    String error = notices.updateView(s.form().getId(), null, answer.view());
    if (error != null) {
      log.info(
          "The {} form of {} could not show PayPal's answer ({}); telling {} in the channel instead",
          s.kind(),
          s.context().disputeId(),
          error,
          s.user());
      notices.tell(s.channel(), s.user(), answer.note());
    }
  }
}
