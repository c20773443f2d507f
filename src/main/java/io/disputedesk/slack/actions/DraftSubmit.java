package io.disputedesk.slack.actions;

import com.google.gson.Gson;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionIntent;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.paypal.UploadFile;
import io.disputedesk.slack.DraftThread;
import io.disputedesk.slack.Mrkdwn;
import java.util.List;
import java.util.Optional;

/**
 * An evidence draft's Submit to PayPal button, after the ack: the draft read again as saved and
 * checked as its form would be, claimed (compare-and-set) and sent once, then following PayPal's
 * answer (see {@link DraftThread#after}); the person who clicked is told what became of it.
 */
final class DraftSubmit {
  private static final CardAction KIND = CardAction.PROVIDE_EVIDENCE;

  private final EvidenceDraftStore store;
  private final ActionService service;
  private final SlackFiles files;
  private final ModalBuilder modals;
  private final AfterAck after;
  private final DraftThread thread;
  private final Gson gson = GsonFactory.createSnakeCase();

  DraftSubmit(
      EvidenceDraftStore store,
      ActionService service,
      SlackFiles files,
      ModalBuilder modals,
      AfterAck after,
      DraftThread thread) {
    this.store = store;
    this.service = service;
    this.files = files;
    this.modals = modals;
    this.after = after;
    this.thread = thread;
  }

  /** Submit to PayPal, after the ack. */
  void send(Click click, long id) {
    Optional<EvidenceDraft> found = store.find(id);
    if (found.isEmpty()) {
      return;
    }
    EvidenceDraft d = found.get();
    if (d.status() != EvidenceDraft.Status.DRAFT) {
      after.tellNow(click.channel(), click.userId(), alreadyDone(d));
      return;
    }
    Verdict verdict = service.gate().check(click.userId(), d.disputeId(), KIND);
    if (!verdict.allowed()) {
      service.gate().record(verdict);
      if (verdict.refusal().result() == ActionOutcome.Result.LINK_GONE
          && thread.overtaken(d, click.userId())) {
        service.refreshNow(d.disputeId());
      }
      verdict
          .refusal()
          .note()
          .ifPresent(text -> after.tellNow(click.channel(), click.userId(), text));
      return;
    }
    StoredDispute stored = verdict.dispute();
    FormReader form = new FormReader(gson.fromJson(d.formJson(), ViewState.class));
    FormResult result = KIND.read(form, stored.dispute());
    if (result instanceof FormResult.Valid ok) {
      // PayPal may hold the number by now (added in PayPal meanwhile): then it is not added again.
      result = TrackerForm.withTracker(ok, form, modals.known(d.disputeId()), false);
    }
    if (result instanceof FormResult.Invalid invalid) {
      after.tellNow(
          click.channel(),
          click.userId(),
          "The evidence draft cannot be sent as it is: "
              + Mrkdwn.escape(String.join(" ", invalid.errors().values()))
              + " Use *Edit draft* to fix it.");
      return;
    }
    FormResult.Valid valid = (FormResult.Valid) result;
    List<UploadFile> attached;
    try {
      attached = files.fetch(valid.files());
    } catch (SlackFiles.FetchException e) {
      after.tellNow(
          click.channel(),
          click.userId(),
          ":x: "
              + Mrkdwn.escape(e.getMessage())
              + " The draft was not sent; use *Edit draft* to attach the files again.");
      return;
    }
    if (!store.claim(id, click.userId())) {
      after.tellNow(click.channel(), click.userId(), alreadyDone(store.find(id).orElse(d)));
      return;
    }
    // Each claim is its own intent: a draft PayPal refused is a draft again, and its next send is a
    // new request.
    ActionOutcome outcome;
    EvidenceDraft.Status now;
    try {
      outcome =
          service.submit(
              new ActionIntent(
                  d.disputeId(),
                  valid.request(),
                  attached,
                  click.userId(),
                  DraftThread.buttonIntent(d),
                  SeenDispute.of(stored.dispute()),
                  valid.tracker()));
      now = thread.after(id, outcome);
    } catch (RuntimeException e) {
      // Ours failed, not PayPal: the draft follows what reached the ledger, else is a draft again.
      thread.release(id);
      throw e;
    }
    if (now == EvidenceDraft.Status.DRAFT) {
      after.tellNow(
          click.channel(),
          click.userId(),
          outcome
                  .note()
                  .or(
                      () ->
                          outcome
                              .paypalRefusal()
                              .map(
                                  r ->
                                      "PayPal did not accept the draft: "
                                          + Mrkdwn.escape(r.reason())))
                  .orElse("PayPal did not accept the draft.")
              + " The draft is kept: use *Edit draft* to fix it, then *Submit to PayPal* again.");
      return;
    }
    if (outcome.result() == ActionOutcome.Result.UNKNOWN) {
      after.tellNow(
          click.channel(),
          click.userId(),
          "PayPal did not answer in time. The card's thread will say whether the evidence draft"
              + " went through; until then it is not sent again, and if it did not, it is a draft"
              + " again.");
      return;
    }
    outcome.note().ifPresent(text -> after.tellNow(click.channel(), click.userId(), text));
  }

  /** Why a draft is not sent (again) from a click: gone, overtaken, being sent or sent. */
  static String alreadyDone(EvidenceDraft d) {
    if (d == null) {
      return "That evidence draft is gone.";
    }
    String by = d.sentBy() == null ? "" : " by <@" + d.sentBy() + ">";
    return switch (d.status()) {
      case OVERTAKEN ->
          "That evidence draft was not sent: the dispute moved on and PayPal no longer takes evidence on it.";
      case SENDING ->
          "That evidence draft is being sent to PayPal"
              + by
              + ": the card's thread will say how it went.";
      case SENT -> "That evidence draft was already sent to PayPal" + by + ".";
      case DRAFT ->
          "That evidence draft was being sent by someone else just now: look at the card's thread"
              + " before sending it again.";
    };
  }
}
