package io.disputedesk.sim.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.http.Handler;
import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import io.disputedesk.json.Json;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.UploadedFile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The local Slack console: a web page that plays Slack's client for one user and one channel on top
 * of {@link LocalSlack}, and sends what the user does to the bot as signed Slack requests.
 */
public final class Console {
  /** How long a state request waits for a change before answering anyway. */
  static final Duration LONG_POLL = Duration.ofSeconds(20);

  private final LocalSlack slack;
  private final ConsoleSettings settings;
  private final ConsoleState state;
  private final Interactions interactions;
  private final Duration longPoll;

  public Console(LocalSlack slack, ConsoleSettings settings, Clock clock) {
    this(slack, settings, clock, LONG_POLL);
  }

  Console(LocalSlack slack, ConsoleSettings settings, Clock clock, Duration longPoll) {
    ObjectMapper mapper = Json.newMapper();
    this.slack = slack;
    this.settings = settings;
    this.state = new ConsoleState(slack, settings, mapper);
    this.interactions =
        new Interactions(
            slack,
            settings,
            new Payloads(mapper, slack.workspace(), clock),
            new BotLink(settings.eventsUrl(), settings.signingSecret(), clock),
            mapper);
    this.longPoll = longPoll;
  }

  /**
   * Adds the page ({@code GET /}), its files and the {@code /console/api/…} routes to {@code host};
   * every route answers only this machine's browser (see {@link LocalOnly}).
   */
  public void registerOn(HttpHost host) {
    LocalOnly local = new LocalOnly(host::port);
    host.route("GET", "/", local.read(StaticAssets.file("index.html")));
    host.routePrefix("GET", StaticAssets.PREFIX, local.read(StaticAssets.byPath()));
    host.route("GET", "/console/api/state", local.read(this::state));
    host.route(
        "POST", "/console/api/action", local.post(LocalOnly.JSON, json(interactions::action)));
    host.route(
        "POST", "/console/api/submit", local.post(LocalOnly.JSON, json(interactions::submit)));
    host.route("POST", "/console/api/close", local.post(LocalOnly.JSON, json(interactions::close)));
    host.route(
        "POST", "/console/api/command", local.post(LocalOnly.JSON, json(interactions::command)));
    host.route(
        "POST", "/console/api/home", local.post(LocalOnly.JSON, json(interactions::homeOpened)));
    host.route(
        "POST", "/console/api/dismiss", local.post(LocalOnly.JSON, json(interactions::dismiss)));
    host.route("GET", "/console/api/file", local.read(this::file));
    // The file itself is the body; application/octet-stream, like JSON, needs a CORS preflight
    // cross-site.
    host.route("POST", "/console/api/attach", local.post(LocalOnly.BYTES, interactions::attach));
  }

  /** Answers 400 instead of 500 when the page sent something that is not JSON. */
  private static Handler json(Handler handler) {
    return request -> {
      try {
        return handler.handle(request);
      } catch (JsonProcessingException e) {
        return Response.json(400, "{\"ok\":false,\"error\":\"the request body is not JSON\"}");
      }
    };
  }

  /**
   * A file the bot shared in the channel or with the user, as a download; with {@code inline=1} a
   * PNG is served as an image for the page to show (anything else stays a download).
   */
  private Response file(Request request) {
    String id = request.queryParams().getOrDefault("id", List.of("")).get(0);
    boolean inline = "1".equals(request.queryParams().getOrDefault("inline", List.of("")).get(0));
    String dm = ConsoleState.directMessageChannel(settings.userId());
    return slack.uploadedFiles().stream()
        .filter(
            f ->
                f.id().equals(id)
                    && (settings.channels().contains(f.channel()) || dm.equals(f.channel())))
        .findFirst()
        .map(f -> inline && f.mimetype().equals("image/png") ? image(f) : download(f))
        .orElseGet(() -> Response.text(404, "no such file"));
  }

  private static Response image(UploadedFile f) {
    return Response.of(200, "image/png", f.content())
        .withHeader("Content-Disposition", "inline")
        .withHeader("X-Content-Type-Options", "nosniff");
  }

  private static Response download(UploadedFile f) {
    return Response.of(200, "application/octet-stream", f.content())
        .withHeader(
            "Content-Disposition",
            "attachment; filename=\"" + f.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
        .withHeader("X-Content-Type-Options", "nosniff");
  }

  private Response state(Request request) {
    String since = request.queryParams().getOrDefault("since", List.of("-1")).get(0);
    String thread = request.queryParams().getOrDefault("thread", List.of("")).get(0);
    String channel =
        request.queryParams().getOrDefault("channel", List.of(settings.channel())).get(0);
    if (!settings.channels().contains(channel)) {
      return Response.text(400, "not a channel of this console");
    }
    long seen;
    try {
      seen = Long.parseLong(since);
    } catch (NumberFormatException e) {
      return Response.text(400, "since must be a number");
    }
    try {
      return Response.json(200, state.after(seen, longPoll, thread, channel).toString())
          .withHeader("Cache-Control", "no-store");
    } catch (InterruptedException e) {
      // The console is stopping; the page retries and finds it gone.
      Thread.currentThread().interrupt();
      return Response.text(503, "stopping");
    }
  }
}
