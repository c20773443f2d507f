package io.disputedesk;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.config.Config;
import io.disputedesk.slack.CardLinkActions;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.slack.WorkspaceUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Slack client, on the shared HTTP client; its one bot-token Web API client; the one
 * dispute-line format (the workspace URL is asked once); and the Bolt app every handler registers
 * on. Needs no database, so it is built while the database opens.
 */
record SlackApi(
    Slack slack, MethodsClient methods, DisputeLines lines, com.slack.api.bolt.App bolt) {
  private static final Logger log = LoggerFactory.getLogger(SlackApi.class);

  static SlackApi connect(Core core) {
    Config config = core.config();
    Slack slack = SlackApps.newSlack(config.slack().apiUrl(), core.http());
    core.shutdown().then("Slack client", () -> closeQuietly(slack));
    MethodsClient methods = slack.methods(config.slack().botToken().reveal());
    DisputeLines lines =
        new DisputeLines(new Permalinks(new WorkspaceUrl(methods)), config.severalAccounts());
    var bolt =
        SlackApps.newApp(
            slack, config.slack().signingSecret().reveal(), config.slack().botToken().reveal());
    new CardLinkActions().register(bolt);
    return new SlackApi(slack, methods, lines, bolt);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Could not close {}: {}", closeable.getClass().getSimpleName(), e.toString());
    }
  }
}
