package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.actions.Snoozes;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.order.OrderFactsStore;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.DraftThread;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * The Slack side of acting on disputes: card buttons, the modals they open, their submissions, and
 * Approve/Reject on held requests. Handlers stay thin: they check, open or validate, ack within
 * Slack's three seconds, and hand the rest to {@link ActionService} on {@code executor}.
 */
public final class ActionHandlers {
  /** Forms kept built: one per button of the open disputes people act on, with room to spare. */
  private static final int FORMS_KEPT = 512;

  private final ActionService service;
  private final Assignments assignments;
  private final DisputeStore disputes;
  private final CardStore cards;
  private final ObjectMapper mapper;
  private final Executor executor;
  private final Executor notes;
  private final String defaultChannel;
  private final OrderFactsStore orderFacts;
  private final EvidenceDraftStore drafts;
  private final DraftThread draftThread;
  private final Snoozes snoozes;
  private final MethodsClient methods;
  private final OkHttpClient http;
  private volatile FormOpener forms;

  /**
   * {@code executor} runs the work after each ack (bounded: when full, people are told "busy");
   * {@code notes} sends private notes; {@code defaultChannel} is where notes go when a click does
   * not say its channel (the disputes channel); {@code methods} is the bot-token Web API client and
   * {@code http} the app's one HTTP client (attachments are downloaded with it).
   */
  public ActionHandlers(
      ActionService service,
      Assignments assignments,
      DisputeStore disputes,
      CardStore cards,
      ObjectMapper mapper,
      Executor executor,
      Executor notes,
      String defaultChannel,
      OrderFactsStore orderFacts,
      EvidenceDraftStore drafts,
      DraftThread draftThread,
      Snoozes snoozes,
      MethodsClient methods,
      OkHttpClient http) {
    this.snoozes = snoozes;
    this.service = service;
    this.assignments = assignments;
    this.disputes = disputes;
    this.cards = cards;
    this.mapper = mapper;
    this.executor = executor;
    this.notes = notes;
    this.defaultChannel = defaultChannel;
    this.orderFacts = orderFacts;
    this.drafts = drafts;
    this.draftThread = draftThread;
    this.methods = methods;
    this.http = http;
  }

  public void register(App app) {
    String botToken = app.config().getSingleTeamBotToken();
    Notices notices = new Notices(methods, app.slack(), mapper);
    SlackFiles files =
        SlackFiles.forApi(
            http,
            botToken,
            app.slack().getConfig().getMethodsEndpointUrlPrefix(),
            SlackFiles.DOWNLOAD_DEADLINE);
    // Opening a modal reads the dispute's row and, for the evidence forms, its order facts' row,
    // each by primary key.
    ModalBuilder modals =
        new ModalBuilder(
            mapper,
            id -> {
              OrderFactsStore.WithAddress known = orderFacts.withAddress(id);
              return new EvidencePrefill(known.facts(), known.address());
            });
    AfterAck after = new AfterAck(executor, notes, notices);
    forms = new FormOpener(methods, botToken, mapper);
    new CardButtons(
            service,
            assignments,
            modals,
            cards,
            after,
            forms,
            new FormCache(FORMS_KEPT),
            defaultChannel,
            snoozes)
        .register(app);
    new SnoozeSubmissions(snoozes, disputes, notices, mapper, after, defaultChannel).register(app);
    FormAnswers answers = new FormAnswers(service, disputes, files, notices, modals, mapper);
    EvidenceDrafts evidenceDrafts =
        new EvidenceDrafts(
            drafts, draftThread, service, files, modals, cards, after, mapper, defaultChannel);
    evidenceDrafts.register(app);
    new ModalSubmissions(
            service,
            disputes,
            mapper,
            after,
            defaultChannel,
            evidenceDrafts,
            modals,
            new SubmissionWork(assignments, answers, notices, evidenceDrafts))
        .register(app);
    new FormSwitches(disputes, modals, notices, mapper, executor).register(app);
    StoredActionClicks storedActionClicks = new StoredActionClicks(cards, after, defaultChannel);
    new ApprovalButtons(service, notices, storedActionClicks).register(app);
    new CheckedButtons(service, notices, storedActionClicks).register(app);
  }

  /**
   * Builds every form a card button opens for {@code d} and writes each as {@code views.open} sends
   * it, without opening anything (warms the click path at start). Returns how many forms were
   * built.
   */
  public int rehearse(Dispute d) {
    ModalBuilder modals = new ModalBuilder(mapper, id -> new EvidencePrefill(null, null));
    ModalContext context = new ModalContext(d.disputeId(), defaultChannel, null, SeenDispute.of(d));
    FormOpener writer = forms == null ? new FormOpener(null, null, mapper) : forms;
    int built = 0;
    for (CardAction form : CardAction.values()) {
      if (d.allows(form.action())) {
        writer.encoded(modals.forAction(form, d, context));
        built++;
      }
    }
    return built;
  }
}
