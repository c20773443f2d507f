package io.disputedesk.bench;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import io.disputedesk.http.HeaderMap;
import io.disputedesk.http.HttpHost;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The floor the burst benchmark compares against: a bare Bolt for Java app that, for any button,
 * opens a one-field form with the click's trigger id and then acks, and acks any form submission.
 * It sits behind the same HTTP server as the bot ({@link HttpHost} with the same number of worker
 * threads) and talks to the same Slack Web API fake. Between the two it does what Bolt's own
 * adapters (its servlet and Jetty ones) do: Bolt's {@link SlackRequestParser} builds the request,
 * {@code App.run} answers it (Bolt's middleware checks the signature).
 */
final class FloorBoltApp implements AutoCloseable {
  private final App bolt;
  private final HttpHost host;
  private final Slack slack;

  private FloorBoltApp(App bolt, HttpHost host, Slack slack) {
    this.bolt = bolt;
    this.host = host;
    this.slack = slack;
  }

  /** Starts on a free local port; {@code httpThreads} as the bot's front door has. */
  static FloorBoltApp start(String apiUrl, String botToken, String signingSecret, int httpThreads) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    config.setStatsEnabled(false);
    Slack slack = Slack.getInstance(config);
    App bolt =
        new App(
            AppConfig.builder()
                .signingSecret(signingSecret)
                .singleTeamBotToken(botToken)
                .slack(slack)
                .build());
    bolt.blockAction(
        Pattern.compile(".*"),
        (req, ctx) -> {
          ctx.client()
              .viewsOpen(
                  r ->
                      r.triggerId(req.getPayload().getTriggerId())
                          .view(
                              view(
                                  v ->
                                      v.type("modal")
                                          .callbackId("floor_form")
                                          .title(
                                              viewTitle(
                                                  t -> t.type("plain_text").text("Send message")))
                                          .submit(
                                              viewSubmit(s -> s.type("plain_text").text("Send")))
                                          .blocks(
                                              List.of(
                                                  input(
                                                      i ->
                                                          i.blockId("message")
                                                              .label(plainText("Message"))
                                                              .element(
                                                                  plainTextInput(
                                                                      p ->
                                                                          p.actionId("message")
                                                                              .multiline(
                                                                                  true)))))))));
          return ctx.ack();
        });
    bolt.viewSubmission(Pattern.compile(".*"), (req, ctx) -> ctx.ack());
    bolt.start();
    HttpHost host = new HttpHost(new InetSocketAddress("127.0.0.1", 0), httpThreads);
    SlackRequestParser parser = new SlackRequestParser(bolt.config());
    // Its worker threads are named apart from the bot's, so that a profile of a run can tell them
    // apart.
    host.route(
        "POST",
        "/slack/events",
        request -> {
          Thread worker = Thread.currentThread();
          if (!worker.getName().startsWith("floor-")) {
            worker.setName("floor-" + worker.getName());
          }
          return serve(bolt, parser, request);
        });
    host.start();
    return new FloorBoltApp(bolt, host, slack);
  }

  private static Response serve(App bolt, SlackRequestParser parser, Request request) {
    com.slack.api.bolt.request.Request<?> slackRequest =
        parser.parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri(request.path())
                .queryString(request.queryParams())
                .requestBody(new String(request.body(), StandardCharsets.UTF_8))
                .headers(new RequestHeaders(request.headers().asMap()))
                .build());
    try {
      com.slack.api.bolt.response.Response answer = bolt.run(slackRequest);
      String body = answer.getBody() == null ? "" : answer.getBody();
      HeaderMap headers =
          HeaderMap.of(answer.getHeaders() == null ? Map.of() : answer.getHeaders());
      if (answer.getContentType() != null) {
        headers = headers.with("Content-Type", answer.getContentType());
      }
      return new Response(
          answer.getStatusCode() == null ? 200 : answer.getStatusCode(),
          headers,
          body.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      return new Response(500, HeaderMap.empty(), new byte[0]);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + host.port() + "/slack/events");
  }

  @Override
  public void close() throws Exception {
    host.stop(java.time.Duration.ofSeconds(1));
    bolt.stop();
    slack.close();
  }
}
