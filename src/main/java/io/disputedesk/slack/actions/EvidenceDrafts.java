package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionIntent;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.ActionSummary;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.UploadFile;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.DraftMessages;
import io.disputedesk.slack.DraftThread;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Mrkdwn;
import io.disputedesk.slack.Notifier;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evidence drafts from Slack: a Provide evidence form saved instead of sent (posted in the card's
 * thread with who wrote it), Edit draft (any agent; the form again, as saved), and Submit to
 * PayPal, which claims the draft (compare-and-set) and sends it once as one provide-evidence
 * request, its files downloaded again from Slack and checked against PayPal's limits again.
 */
final class EvidenceDrafts {
  private static final Logger log = LoggerFactory.getLogger(EvidenceDrafts.class);
  private static final DisputeAction KIND = DisputeAction.PROVIDE_EVIDENCE;

  private final EvidenceDraftStore store;
  private final Notifier notifier;
  private final ActionService service;
  private final SlackFiles files;
  private final ModalBuilder modals;
  private final CardStore cards;
  private final AfterAck after;
  private final ObjectMapper mapper;
  private final String defaultChannel;
  private final DraftMessages messages = new DraftMessages();
  private final DraftThread thread;
  private final Gson gson = GsonFactory.createSnakeCase();

  EvidenceDrafts(
      EvidenceDraftStore store,
      Notifier notifier,
      ActionService service,
      SlackFiles files,
      ModalBuilder modals,
      CardStore cards,
      AfterAck after,
      ObjectMapper mapper,
      String defaultChannel) {
    this.store = store;
    this.notifier = notifier;
    this.service = service;
    this.files = files;
    this.modals = modals;
    this.cards = cards;
    this.after = after;
    this.mapper = mapper;
    this.defaultChannel = defaultChannel;
    this.thread = new DraftThread(store, notifier);
  }

  void register(App app) {
    app.blockAction(
        Ids.EDIT_DRAFT, (req, ctx) -> edit(Click.of(req.getPayload(), cards, defaultChannel), ctx));
    app.blockAction(
        Ids.SUBMIT_DRAFT,
        (req, ctx) -> {
          Click click = Click.of(req.getPayload(), cards, defaultChannel);
          Optional<Long> id = id(click);
          if (id.isPresent()) {
            after.submitOrTellBusy(click.channel(), click.userId(), () -> send(click, id.get()));
          }
          return ctx.ack();
        });
  }

  /** True when the submitted Provide evidence form asks to be saved as a draft. */
  static boolean wanted(DisputeAction kind, View form) {
    return kind == KIND && new FormReader(form.getState()).checked(ModalFields.SAVE_DRAFT);
  }

  /**
   * Saves the valid form as a new draft, or over the draft it edits, and posts it in the thread.
   * Runs after the ack. An edit without new files keeps the draft's files.
   */
  void save(ModalContext c, String channel, String user, View form, FormResult.Valid valid) {
    ViewState state = form.getState();
    List<String> names =
        valid.files().stream().map(f -> f.getName() == null ? "file" : f.getName()).toList();
    if (c.draft() != null && valid.files().isEmpty()) {
      Optional<EvidenceDraft> before = store.find(c.draft());
      Optional<ViewState.Value> keptFiles =
          before
              .map(d -> gson.fromJson(d.formJson(), ViewState.class))
              .map(s -> s.getValues() == null ? null : s.getValues().get(ModalFields.FILES))
              .map(m -> m.get(ModalFields.FILES));
      if (keptFiles.isPresent() && keptFiles.get().getFiles() != null) {
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>(state.getValues());
        values.put(ModalFields.FILES, Map.of(ModalFields.FILES, keptFiles.get()));
        state = new ViewState();
        state.setValues(values);
        names =
            keptFiles.get().getFiles().stream()
                .map(f -> f.getName() == null ? "file" : f.getName())
                .toList();
      }
    }
    String summary =
        Mrkdwn.escape(
            ActionSummary.details(valid.request(), null, names)
                + (valid.tracker() == null ? "" : "; also adds this tracking to PayPal"));
    String json = gson.toJson(state);
    long id;
    if (c.draft() == null) {
      id = store.create(c.disputeId(), json, summary, user);
    } else if (store.update(c.draft(), json, summary, user)) {
      id = c.draft();
    } else {
      after.tellNow(
          channel,
          user,
          alreadyDone(store.find(c.draft()).orElse(null)) + " Your changes were not saved.");
      return;
    }
    thread.posted(store.find(id).orElseThrow());
  }

  /**
   * A form that edits a draft and is sent straight away: claims the draft first, so that it is sent
   * once; false when it is being sent, or was sent, meanwhile. The thread is told nothing until
   * PayPal answers ({@link #afterSending}).
   */
  boolean claimForSending(ModalContext c, String user) {
    return c.draft() == null || store.claim(c.draft(), user);
  }

  /** Why the draft a form edits was not sent from it: it is being sent, or was, meanwhile. */
  String notClaimed(ModalContext c) {
    return alreadyDone(store.find(c.draft()).orElse(null)) + " Nothing was sent again.";
  }

  /**
   * After a form that edits a draft was sent (its claim held): the draft follows PayPal's answer;
   * see {@link DraftThread#after}.
   */
  void afterSending(ModalContext c, ActionOutcome outcome) {
    if (c.draft() != null) {
      thread.after(c.draft(), outcome);
    }
  }

  private Response edit(Click click, ActionContext ctx) {
    Optional<EvidenceDraft> draft = id(click).flatMap(store::find);
    if (draft.isEmpty()) {
      return ctx.ack();
    }
    EvidenceDraft d = draft.get();
    if (d.status() != EvidenceDraft.Status.DRAFT) {
      after.tell(click.channel(), click.userId(), alreadyDone(d));
      return ctx.ack();
    }
    Verdict verdict = service.gate().check(click.userId(), d.disputeId(), KIND);
    if (!verdict.allowed()) {
      after.refuse(
          click.channel(),
          click.userId(),
          () -> service.gate().record(verdict),
          verdict.refusal().note());
      return ctx.ack();
    }
    Dispute dispute = verdict.dispute().dispute();
    String messageTs = cards.find(d.disputeId()).map(io.disputedesk.slack.Card::ts).orElse(null);
    ModalContext context =
        new ModalContext(d.disputeId(), click.channel(), messageTs, SeenDispute.of(dispute))
            .editing(d.id());
    View view =
        modals.forAction(
            KIND,
            dispute,
            context.toJson(mapper),
            new FormReader(gson.fromJson(d.formJson(), ViewState.class)));
    String problem;
    try {
      ViewsOpenResponse response =
          ctx.client().viewsOpen(r -> r.triggerId(click.triggerId()).view(view));
      problem = response.isOk() ? null : response.getError();
    } catch (IOException | SlackApiException e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      log.warn("Slack did not open the draft {} of {}: {}", d.id(), d.disputeId(), problem);
      after.tell(
          click.channel(),
          click.userId(),
          "Slack did not open the draft. Please click Edit draft again.");
    }
    return ctx.ack();
  }

  /** Submit to PayPal, after the ack. */
  private void send(Click click, long id) {
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
      if (verdict.refusal().result() == ActionOutcome.Result.LINK_GONE && store.overtake(id)) {
        notifier.threadReply(
            d.disputeId(), "draft-overtaken:" + id, messages.overtaken(d, click.userId()));
        thread.settle(id);
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
    FormResult result = CardAction.PROVIDE_EVIDENCE.read(form, stored.dispute());
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
    ActionOutcome outcome =
        service.submit(
            new ActionIntent(
                d.disputeId(),
                KIND,
                valid.request(),
                attached,
                click.userId(),
                DraftThread.buttonIntent(d),
                SeenDispute.of(stored.dispute()),
                valid.tracker()));
    EvidenceDraft.Status now = thread.after(id, outcome);
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

  private static String alreadyDone(EvidenceDraft d) {
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

  private static Optional<Long> id(Click click) {
    try {
      return click.value() == null ? Optional.empty() : Optional.of(Long.parseLong(click.value()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
