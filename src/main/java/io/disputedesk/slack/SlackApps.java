package io.disputedesk.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Builds the {@link Slack} client and the Bolt {@link App} from plain settings; registers no
 * handlers.
 */
public final class SlackApps {
  /** Slack's production Web API base. */
  public static final String DEFAULT_API_URL = "https://slack.com/api/";

  /**
   * Idle connections to Slack kept for the next calls: the front door's threads and the senders'.
   */
  static final int SLACK_IDLE_CONNECTIONS = 16;

  private SlackApps() {}

  /**
   * A Slack client whose Web API calls go to {@code apiUrl} (e.g. a local fake), with stats off, on
   * an OkHttp client of its own that, as {@link #newSlack(String, OkHttpClient)}, never re-sends a
   * request whose connection dropped (the SDK's default client does, and a write then lands twice).
   */
  public static Slack newSlack(String apiUrl) {
    return newSlack(apiUrl, new OkHttpClient());
  }

  /**
   * As {@link #newSlack(String)}, on the application's OkHttp client, with OkHttp's silent re-send
   * of a request whose connection dropped turned off: a re-sent {@code chat.postMessage} posts
   * twice. Its idle connections are its own: in the shared pool (five idle at most) the PayPal
   * calls of a burst of actions closed them, and the next clicks' {@code views.open} opened new
   * ones on the ack path.
   */
  public static Slack newSlack(String apiUrl, OkHttpClient http) {
    OkHttpClient oneShot =
        Objects.requireNonNull(http, "http")
            .newBuilder()
            .retryOnConnectionFailure(false)
            .connectionPool(new ConnectionPool(SLACK_IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
            .build();
    return Slack.getInstance(config(apiUrl), new SlackHttpClient(oneShot));
  }

  private static SlackConfig config(String apiUrl) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(withTrailingSlash(Objects.requireNonNull(apiUrl, "apiUrl")));
    config.setStatsEnabled(false);
    return config;
  }

  /**
   * A single-workspace Bolt app that verifies request signatures with {@code signingSecret} (after
   * {@link BoltHandler}'s stricter check) and acknowledges every event it has no handler for: Slack
   * retries any non-2xx and turns off event delivery for apps that keep failing; its own thread
   * pools have bounded queues. The token's auth.test at start is kept for good: Bolt would
   * otherwise ask Slack again on the ack path every ten minutes and keep a refused answer for ten
   * minutes, answering every click 401 after the token works again. Whether Slack takes the token
   * is {@link SlackAuthMonitor}'s to know.
   */
  public static App newApp(Slack slack, String signingSecret, String botToken) {
    requireText(signingSecret, "signing secret");
    requireText(botToken, "bot token");
    return new App(
        AppConfig.builder()
            .signingSecret(signingSecret)
            .singleTeamBotToken(botToken)
            .allEventsApiAutoAckEnabled(true)
            .authTestCacheExpirationMillis(-1)
            .slack(Objects.requireNonNull(slack, "slack"))
            .executorServiceProvider(new BoundedSlackThreads())
            .build());
  }

  private static String withTrailingSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Slack " + what + " is missing");
    }
  }
}
