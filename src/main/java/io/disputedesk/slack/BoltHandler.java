package io.disputedesk.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import io.disputedesk.http.Handler;
import io.disputedesk.http.HeaderMap;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feeds HTTP requests from Slack to a Bolt {@link App} and returns Bolt's answer. */
public final class BoltHandler implements Handler {
  private static final Logger log = LoggerFactory.getLogger(BoltHandler.class);

  private final App app;
  private final SlackRequestParser parser;

  public BoltHandler(App app) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  public Response handle(Request request) throws Exception {
    com.slack.api.bolt.request.Request<?> slackRequest;
    try {
      slackRequest = parser.parse(toBolt(request));
    } catch (RuntimeException e) {
      // Log the kind of failure only: the body may hold user data.
      log.info("Rejected a Slack request Bolt could not parse ({})", e.getClass().getSimpleName());
      return badRequest();
    }
    if (slackRequest == null || slackRequest.getContext() == null || lacksView(slackRequest)) {
      log.info("Rejected a request that is not a recognisable Slack payload");
      return badRequest();
    }
    com.slack.api.bolt.response.Response answer;
    try {
      answer = app.run(slackRequest);
    } catch (JsonParseException e) {
      // Bolt parses some payload parts lazily (e.g. an event body); a malformed one is the caller's fault.
      log.info("Rejected a Slack request with a malformed payload ({})", e.getClass().getSimpleName());
      return badRequest();
    }
    return fromBolt(answer);
  }

  private static SlackRequestParser.HttpRequest toBolt(Request request) {
    InetSocketAddress remote = request.remoteAddress();
    return SlackRequestParser.HttpRequest.builder()
        .requestUri(request.path())
        .queryString(request.queryParams())
        // The exact bytes Slack signed: decoded once, never re-serialised.
        .requestBody(new String(request.body(), StandardCharsets.UTF_8))
        .headers(new RequestHeaders(request.headers().asMap()))
        .remoteAddress(remote == null ? null : remote.getAddress().getHostAddress())
        .build();
  }

  /** Bolt dereferences {@code view} of these payloads without checking it. */
  private static boolean lacksView(com.slack.api.bolt.request.Request<?> request) {
    if (request instanceof ViewSubmissionRequest submission) {
      return submission.getPayload() == null || submission.getPayload().getView() == null;
    }
    if (request instanceof ViewClosedRequest closed) {
      return closed.getPayload() == null || closed.getPayload().getView() == null;
    }
    return false;
  }

  private static Response fromBolt(com.slack.api.bolt.response.Response answer) {
    int status = answer.getStatusCode() == null ? 200 : answer.getStatusCode();
    String body = answer.getBody() == null ? "" : answer.getBody();
    HeaderMap headers = HeaderMap.of(answer.getHeaders() == null ? Map.of() : answer.getHeaders());
    if (headers.first("Content-Type").isEmpty()) {
      String contentType = answer.getContentType();
      if (contentType != null) {
        headers = headers.with("Content-Type", contentType);
      } else if (!body.isEmpty()) {
        headers = headers.with("Content-Type", Response.TEXT_UTF8);
      }
    }
    return new Response(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Response badRequest() {
    return new Response(
        400,
        HeaderMap.of(Map.of("Content-Type", List.of(Response.JSON_UTF8))),
        "{\"error\":\"invalid request\"}".getBytes(StandardCharsets.UTF_8));
  }
}
