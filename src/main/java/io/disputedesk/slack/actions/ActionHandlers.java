package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.slack.CardStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The Slack side of acting on disputes: card buttons, the modals they open, their submissions, and
 * Approve/Reject on held requests. Handlers stay thin: they check, open or validate, ack within
 * Slack's three seconds, and hand the rest to {@link ActionService} on {@code executor}.
 */
public final class ActionHandlers {
  /** Where Slack serves private files; the bot token is sent nowhere else (besides the API host). */
  static final String SLACK_FILES_HOST = "files.slack.com";

  private final ActionService service;
  private final Assignments assignments;
  private final DisputeStore disputes;
  private final CardStore cards;
  private final ObjectMapper mapper;
  private final Executor executor;
  private final String defaultChannel;

  /** {@code defaultChannel} is where notes go when a click does not say its channel (the disputes channel). */
  public ActionHandlers(ActionService service, Assignments assignments, DisputeStore disputes, CardStore cards,
      ObjectMapper mapper, Executor executor, String defaultChannel) {
    this.service = service;
    this.assignments = assignments;
    this.disputes = disputes;
    this.cards = cards;
    this.mapper = mapper;
    this.executor = executor;
    this.defaultChannel = defaultChannel;
  }

  public void register(App app) {
    String botToken = app.config().getSingleTeamBotToken();
    MethodsClient client = app.slack().methods(botToken);
    Notices notices = new Notices(client, app.slack(), mapper);
    SlackFiles files = new SlackFiles(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        botToken, fileHosts(app));
    ModalBuilder modals = new ModalBuilder(mapper);
    new CardButtons(service, assignments, modals, cards, notices, executor, defaultChannel).register(app);
    FormAnswers answers = new FormAnswers(service, disputes, files, notices, modals, mapper);
    new ModalSubmissions(service, assignments, disputes, answers, notices, mapper, executor, defaultChannel).register(app);
    new FormSwitches(disputes, modals, notices, mapper, executor).register(app);
    new ApprovalButtons(service, cards, notices, executor, defaultChannel).register(app);
    new CheckedButtons(service, cards, notices, executor, defaultChannel).register(app);
  }

  /** Slack's file host plus the Web API's host (a local Slack serves files from where its API is). */
  private static Set<String> fileHosts(App app) {
    Set<String> hosts = new HashSet<>(Set.of(SLACK_FILES_HOST));
    String api = app.slack().getConfig().getMethodsEndpointUrlPrefix();
    if (api != null) {
      String host = URI.create(api).getHost();
      if (host != null) {
        hosts.add(host.toLowerCase(Locale.ROOT));
      }
    }
    return hosts;
  }
}
