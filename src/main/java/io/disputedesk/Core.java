package io.disputedesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.concurrent.Workload;
import io.disputedesk.config.Config;
import io.disputedesk.json.Json;
import io.disputedesk.ops.Metrics;
import java.time.Clock;
import okhttp3.OkHttpClient;

/**
 * What every part of the bot is built with: its settings and timings, the business clock, the one
 * JSON mapper, metrics and HTTP client (PayPal and Slack), the work in hand, and the stop steps.
 *
 * @param work every task the bot takes on, from hand-over to done: what RunningApp#activity reads
 */
record Core(
    Settings settings,
    RunOptions options,
    Clock clock,
    ObjectMapper mapper,
    Metrics metrics,
    Workload work,
    OkHttpClient http,
    Shutdown shutdown) {

  static Core create(Settings settings, RunOptions options, Clock clock, Shutdown shutdown) {
    ObjectMapper mapper = Json.newMapper();
    Metrics metrics = new Metrics();
    Workload work = new Workload();
    OkHttpClient http = App.newHttpClient();
    shutdown.then(
        "OkHttp",
        () -> {
          http.dispatcher().executorService().shutdown();
          http.connectionPool().evictAll();
        });
    return new Core(settings, options, clock, mapper, metrics, work, http, shutdown);
  }

  Config config() {
    return settings.config();
  }
}
