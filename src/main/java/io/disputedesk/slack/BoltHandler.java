package io.disputedesk.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.ViewClosedRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import io.disputedesk.http.FormCodec;
import io.disputedesk.http.Handler;
import io.disputedesk.http.HeaderMap;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import io.disputedesk.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds HTTP requests from Slack to a Bolt {@link App} and returns Bolt's answer. Checks the
 * signature itself first ({@link RequestSignature}); acknowledges {@code app_uninstalled} and
 * {@code tokens_revoked} itself, pausing Slack writes, and Slack's {@code app_rate_limited} notice;
 * and answers 400, never 5xx, when a signed payload makes Bolt or a handler throw or a person's
 * request names no user, since Slack retries any 5xx and disables apps that keep failing.
 */
public final class BoltHandler implements Handler {
  private static final Logger log = LoggerFactory.getLogger(BoltHandler.class);
  private static final Set<String> REVOKING_EVENTS = Set.of("app_uninstalled", "tokens_revoked");

  /** Requests a person makes: each names who, and every handler acts for that person. */
  private static final Set<RequestType> BY_A_PERSON =
      EnumSet.of(
          RequestType.Command,
          RequestType.BlockAction,
          RequestType.AttachmentAction,
          RequestType.BlockSuggestion,
          RequestType.GlobalShortcut,
          RequestType.MessageShortcut,
          RequestType.DialogSubmission,
          RequestType.DialogCancellation,
          RequestType.DialogSuggestion,
          RequestType.ViewSubmission,
          RequestType.ViewClosed);

  private static final String RATE_LIMITED = "app_rate_limited";
  private static final ObjectMapper MAPPER = Json.newMapper();

  private final App app;
  private final BoltRequests parser;
  private final RequestSignature signature;
  private final SlackAuthMonitor auth;

  /** With a monitor of its own for the app's bot token (tests of the front door alone). */
  public BoltHandler(App app) {
    this(
        app,
        new SlackAuthMonitor(app.slack().methods(app.config().getSingleTeamBotToken())),
        Clock.systemUTC());
  }

  /**
   * @param auth told when Slack says the app was uninstalled or its tokens revoked
   */
  public BoltHandler(App app, SlackAuthMonitor auth, Clock clock) {
    this.app = app;
    this.parser = new BoltRequests(app.config());
    this.signature = new RequestSignature(app.config().getSigningSecret(), clock);
    this.auth = auth;
  }

  @Override
  public Response handle(Request request) {
    if (isSslCheck(request)) {
      // Slack's periodic certificate check comes unsigned; it gets a bare 200 and runs nothing.
      return new Response(200, HeaderMap.empty(), new byte[0]);
    }
    if (!signature.verify(
        request.header(RequestSignature.TIMESTAMP_HEADER),
        request.header(RequestSignature.SIGNATURE_HEADER),
        request.body())) {
      return error(401);
    }
    if (isRateLimitNotice(request)) {
      log.warn(
          "Slack says it holds back events for this app ({}): over 30,000 in an hour; polling catches up",
          RATE_LIMITED);
      return new Response(200, HeaderMap.empty(), new byte[0]);
    }
    return answer(toBolt(request));
  }

  /**
   * A request that came over Socket Mode: {@code payload} is its envelope's payload, with no
   * signature (the socket the bot dialled out on is the proof it comes from Slack); {@code headers}
   * carry Slack's retry number and reason. Checked and answered as an HTTP request is.
   */
  public Response handleSocketMode(String payload, Map<String, List<String>> headers) {
    return answer(
        SlackRequestParser.HttpRequest.builder()
            .socketMode(true)
            .requestUri("")
            .remoteAddress("")
            .queryString(Map.of())
            .requestBody(payload)
            .headers(new RequestHeaders(headers))
            .build());
  }

  private Response answer(SlackRequestParser.HttpRequest raw) {
    com.slack.api.bolt.request.Request<?> slackRequest;
    try {
      slackRequest = parser.parse(raw);
    } catch (RuntimeException e) {
      // Log the kind of failure only: the body may hold user data.
      log.info("Rejected a Slack request Bolt could not parse ({})", e.getClass().getSimpleName());
      return error(400);
    }
    if (slackRequest == null || slackRequest.getContext() == null || lacksView(slackRequest)) {
      log.info("Rejected a request that is not a recognisable Slack payload");
      return error(400);
    }
    if (BY_A_PERSON.contains(slackRequest.getRequestType())
        && isBlank(slackRequest.getContext().getRequestUserId())) {
      log.info("Rejected a signed Slack {} that names no user", slackRequest.getRequestType());
      return error(400);
    }
    if (slackRequest instanceof EventRequest event) {
      if (REVOKING_EVENTS.contains(event.getEventType())) {
        auth.revoked(event.getEventType());
        return new Response(200, HeaderMap.empty(), new byte[0]);
      }
      if (auth.writesPaused()) {
        // Nothing can be done without a working token; a 2xx keeps Slack from retrying.
        return new Response(200, HeaderMap.empty(), new byte[0]);
      }
    }
    com.slack.api.bolt.response.Response answer;
    try {
      answer = app.run(slackRequest);
    } catch (Exception e) {
      // A signed payload Bolt or a handler cannot digest (a null where Slack always sends a value).
      // The class and place only: the body may hold user data.
      log.warn(
          "Rejected a signed Slack {} that failed inside Bolt: {} at {}",
          slackRequest.getRequestType(),
          e.getClass().getSimpleName(),
          origin(e));
      return error(400);
    }
    return fromBolt(answer);
  }

  /** An unsigned form body whose {@code ssl_check} is exactly {@code 1}, as Slack sends it. */
  private static boolean isSslCheck(Request request) {
    if (request.header(RequestSignature.SIGNATURE_HEADER) != null
        || request.body().length > 1024
        || !request.bodyText().contains("ssl_check=")) {
      return false;
    }
    try {
      return "1".equals(FormCodec.decodeFirst(request.bodyText()).get("ssl_check"));
    } catch (IllegalArgumentException e) {
      // Malformed escapes: not Slack's check; the signature check refuses it next.
      return false;
    }
  }

  /** Slack's notice that it holds back events: a small JSON body whose top-level type says so. */
  private static boolean isRateLimitNotice(Request request) {
    if (request.body().length > 1024 || !request.bodyText().contains(RATE_LIMITED)) {
      return false;
    }
    try {
      JsonNode body = MAPPER.readTree(request.body());
      return body != null && RATE_LIMITED.equals(body.path("type").asText());
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String origin(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0
        ? "unknown"
        : trace[0].getClassName() + "." + trace[0].getMethodName() + ":" + trace[0].getLineNumber();
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

  private static Response error(int status) {
    return new Response(
        status,
        HeaderMap.of(Map.of("Content-Type", List.of(Response.JSON_UTF8))),
        "{\"error\":\"invalid request\"}".getBytes(StandardCharsets.UTF_8));
  }
}
