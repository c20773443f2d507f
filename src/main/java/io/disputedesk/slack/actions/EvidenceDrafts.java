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
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.DraftThread;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.Mrkdwn;
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
  private static final CardAction KIND = CardAction.PROVIDE_EVIDENCE;

  private final EvidenceDraftStore store;
  private final ActionService service;
  private final SlackFiles files;
  private final ModalBuilder modals;
  private final CardStore cards;
  private final AfterAck after;
  private final ObjectMapper mapper;
  private final String defaultChannel;
  private final DraftThread thread;
  private final Gson gson = GsonFactory.createSnakeCase();
  private final DraftSubmit submit;

  EvidenceDrafts(
      EvidenceDraftStore store,
      DraftThread thread,
      ActionService service,
      SlackFiles files,
      ModalBuilder modals,
      CardStore cards,
      AfterAck after,
      ObjectMapper mapper,
      String defaultChannel) {
    this.store = store;
    this.service = service;
    this.files = files;
    this.modals = modals;
    this.cards = cards;
    this.after = after;
    this.mapper = mapper;
    this.defaultChannel = defaultChannel;
    this.thread = thread;
    this.submit = new DraftSubmit(store, service, files, modals, after, thread);
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
            after.submitOrTellBusy(
                click.channel(), click.userId(), () -> submit.send(click, id.get()));
          }
          return ctx.ack();
        });
  }

  /** True when the submitted Provide evidence form asks to be saved as a draft. */
  static boolean wanted(CardAction kind, View form) {
    return kind == KIND && new FormReader(form.getState()).checked(ModalFields.SAVE_DRAFT);
  }

  /**
   * Saves the valid form as a new draft, or over the draft it edits, and posts it in the thread.
   * Runs after the ack. An edit without new files keeps the draft's files.
   */
  void save(ModalContext c, String channel, String user, View form, FormResult.Valid valid) {
    Content content = content(c, form, valid);
    Optional<EvidenceDraft> saved =
        thread.saved(
            () -> {
              if (c.draft() == null) {
                return Optional.of(
                    store.create(c.disputeId(), content.json(), content.summary(), user));
              }
              return store.update(c.draft(), content.json(), content.summary(), user)
                  ? Optional.of(c.draft())
                  : Optional.empty();
            });
    if (saved.isEmpty()) {
      after.tellNow(
          channel,
          user,
          DraftSubmit.alreadyDone(store.find(c.draft()).orElse(null))
              + " Your changes were not saved.");
    }
  }

  /**
   * The state of a form that edits a draft, with the draft's files when none are attached: the form
   * says they stay unless new ones are attached, so they are read, sent and saved with it.
   */
  ViewState withKeptFiles(ModalContext c, ViewState state) {
    if (c.draft() == null || !new FormReader(state).files(ModalFields.FILES).isEmpty()) {
      return state;
    }
    Optional<ViewState.Value> kept = keptFiles(c.draft());
    if (kept.isEmpty()) {
      return state;
    }
    Map<String, Map<String, ViewState.Value>> values =
        new HashMap<>(state.getValues() == null ? Map.of() : state.getValues());
    values.put(ModalFields.FILES, Map.of(ModalFields.FILES, kept.get()));
    ViewState completed = new ViewState();
    completed.setValues(values);
    return completed;
  }

  /** A form that edits a draft, claimed for sending: whether its form changed the draft. */
  record FormClaim(boolean claimed, boolean edited) {
    static final FormClaim NOT_A_DRAFT = new FormClaim(true, false);
  }

  /**
   * A form that edits a draft and is sent straight away: keeps what the form says in the draft (so
   * that, should PayPal refuse it, the draft is the person's edit), then claims the draft, so that
   * it is sent once. Not claimed when it is being sent, or was sent, meanwhile. The thread is told
   * nothing until PayPal answers ({@link #afterSending}).
   */
  FormClaim claimForSending(ModalContext c, String user, View form, FormResult.Valid valid) {
    if (c.draft() == null) {
      return FormClaim.NOT_A_DRAFT;
    }
    Content content = content(c, form, valid);
    boolean edited =
        store
            .find(c.draft())
            .filter(d -> d.status() == EvidenceDraft.Status.DRAFT)
            .filter(d -> !d.formJson().equals(content.json()))
            .isPresent();
    if (edited && !store.update(c.draft(), content.json(), content.summary(), user)) {
      return new FormClaim(false, false);
    }
    return new FormClaim(store.claim(c.draft(), user), edited);
  }

  /** Why the draft a form edits was not sent from it: it is being sent, or was, meanwhile. */
  String notClaimed(ModalContext c) {
    return DraftSubmit.alreadyDone(store.find(c.draft()).orElse(null)) + " Nothing was sent again.";
  }

  /**
   * After a form that edits a draft was sent (its claim held): the draft follows PayPal's answer;
   * see {@link DraftThread#after}. A draft again whose form changed it is posted in the thread as
   * now saved, so its messages show what its buttons would send.
   */
  void afterSending(ModalContext c, FormClaim claim, ActionOutcome outcome) {
    if (c.draft() != null
        && thread.after(c.draft(), outcome) == EvidenceDraft.Status.DRAFT
        && claim.edited()) {
      store.find(c.draft()).ifPresent(thread::posted);
    }
  }

  /**
   * A form that edits a draft failed inside the bot after claiming it: the draft follows what
   * reached the action ledger, else is a draft again.
   */
  void release(ModalContext c) {
    if (c.draft() != null) {
      thread.release(c.draft());
    }
  }

  /** A draft's form as stored, and its line for the thread. */
  private record Content(String json, String summary) {}

  /** The form as a draft keeps it: an edit without new files keeps the draft's files. */
  private Content content(ModalContext c, View form, FormResult.Valid valid) {
    ViewState state = withKeptFiles(c, form.getState());
    List<String> names =
        valid.files().stream().map(f -> f.getName() == null ? "file" : f.getName()).toList();
    String summary =
        Mrkdwn.escape(
            KIND.details(valid.request(), null, names)
                + (valid.tracker() == null ? "" : "; also adds this tracking to PayPal"));
    return new Content(gson.toJson(state), summary);
  }

  /** The files input of the draft as saved, when it has one. */
  private Optional<ViewState.Value> keptFiles(long draftId) {
    return store
        .find(draftId)
        .map(d -> gson.fromJson(d.formJson(), ViewState.class))
        .map(s -> s.getValues() == null ? null : s.getValues().get(ModalFields.FILES))
        .map(m -> m.get(ModalFields.FILES))
        .filter(v -> v.getFiles() != null);
  }

  private Response edit(Click click, ActionContext ctx) {
    Optional<EvidenceDraft> draft = id(click).flatMap(store::find);
    if (draft.isEmpty()) {
      return ctx.ack();
    }
    EvidenceDraft d = draft.get();
    if (d.status() != EvidenceDraft.Status.DRAFT) {
      after.tell(click.channel(), click.userId(), DraftSubmit.alreadyDone(d));
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

  private static Optional<Long> id(Click click) {
    try {
      return click.value() == null ? Optional.empty() : Optional.of(Long.parseLong(click.value()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
