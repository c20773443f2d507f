package io.disputedesk.sim.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import io.disputedesk.json.Json;
import io.disputedesk.sim.slack.LocalSlack;
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

  private final ConsoleState state;
  private final Interactions interactions;
  private final Duration longPoll;

  public Console(LocalSlack slack, ConsoleSettings settings, Clock clock) {
    this(slack, settings, clock, LONG_POLL);
  }

  Console(LocalSlack slack, ConsoleSettings settings, Clock clock, Duration longPoll) {
    ObjectMapper mapper = Json.newMapper();
    this.state = new ConsoleState(slack, settings, mapper);
    this.interactions = new Interactions(slack, settings, new Payloads(mapper, slack.workspace(), clock),
        new BotLink(settings.eventsUrl(), settings.signingSecret(), clock), mapper);
    this.longPoll = longPoll;
  }

  /** Adds the page ({@code GET /}), its files and the {@code /console/api/…} routes to {@code host}. */
  public void registerOn(HttpHost host) {
    host.route("GET", "/", StaticAssets.file("index.html"));
    host.routePrefix("GET", StaticAssets.PREFIX, StaticAssets.byPath());
    host.route("GET", "/console/api/state", this::state);
    host.route("POST", "/console/api/action", interactions::action);
    host.route("POST", "/console/api/submit", interactions::submit);
    host.route("POST", "/console/api/close", interactions::close);
    host.route("POST", "/console/api/command", interactions::command);
    host.route("POST", "/console/api/home", interactions::homeOpened);
    host.route("POST", "/console/api/dismiss", interactions::dismiss);
  }

  private Response state(Request request) throws InterruptedException {
    String since = request.queryParams().getOrDefault("since", List.of("-1")).get(0);
    String thread = request.queryParams().getOrDefault("thread", List.of("")).get(0);
    long seen;
    try {
      seen = Long.parseLong(since);
    } catch (NumberFormatException e) {
      return Response.text(400, "since must be a number");
    }
    return Response.json(200, state.after(seen, longPoll, thread).toString())
        .withHeader("Cache-Control", "no-store");
  }
}
