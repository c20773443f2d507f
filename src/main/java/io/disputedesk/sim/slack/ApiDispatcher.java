package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one Web API call the way Slack would: faults and pauses first, then auth, then the method.
 */
final class ApiDispatcher {
  static final String SOCKET_MODE_METHOD = "apps.connections.open";

  /** What to send back; {@code drop} means close the connection with no response at all. */
  record Reply(int status, Map<String, String> headers, String body, boolean drop) {
    static final Reply DROP = new Reply(0, Map.of(), "", true);
  }

  private final Map<String, Method> methods;
  private final String botToken;
  private final String appToken;
  private final CallLog log;
  private final Interceptions interceptions;
  private final ObjectMapper mapper;
  private volatile boolean botTokenRevoked;

  ApiDispatcher(
      Map<String, Method> methods,
      String botToken,
      String appToken,
      CallLog log,
      Interceptions interceptions,
      ObjectMapper mapper) {
    this.methods = Map.copyOf(methods);
    this.botToken = botToken;
    this.appToken = appToken;
    this.log = log;
    this.interceptions = interceptions;
    this.mapper = mapper;
  }

  Reply dispatch(ApiCall call) throws InterruptedException {
    log.add(call);
    if (held(call.method(), Pause.At.BEFORE_HANDLING)) {
      return Reply.DROP;
    }
    Optional<Fault> fault = interceptions.nextFault(call.method());
    Reply reply = fault.isPresent() ? faultReply(fault.get()) : run(call);
    if (held(call.method(), Pause.At.BEFORE_RESPONDING)) {
      return Reply.DROP;
    }
    return reply;
  }

  /**
   * While revoked, every call with the bot token fails with {@code token_revoked}, as after an
   * uninstall.
   */
  void revokeBotToken(boolean revoked) {
    botTokenRevoked = revoked;
  }

  /** Answers {@code ok:false} for a request that could not even be decoded. */
  Reply rejected(MethodError error) {
    return json(200, errorBody(error));
  }

  private Reply run(ApiCall call) {
    Method method = methods.get(call.method());
    try {
      if (method == null) {
        throw new MethodError("unknown_method");
      }
      authenticate(call);
      ObjectNode body = mapper.createObjectNode().put("ok", true);
      body.setAll(method.call(call));
      return json(200, body);
    } catch (MethodError e) {
      return json(200, errorBody(e));
    }
  }

  private void authenticate(ApiCall call) {
    String token = bearer(call.header("Authorization"));
    if (token == null) {
      token = call.param("token");
    }
    if (token == null || token.isEmpty()) {
      throw new MethodError("not_authed");
    }
    boolean socketMode = call.method().equals(SOCKET_MODE_METHOD);
    String expected = socketMode ? appToken : botToken;
    String otherKind = socketMode ? botToken : appToken;
    if (token.equals(expected)) {
      if (!socketMode && botTokenRevoked) {
        throw new MethodError("token_revoked");
      }
      return;
    }
    throw new MethodError(token.equals(otherKind) ? "not_allowed_token_type" : "invalid_auth");
  }

  private static String bearer(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  private Reply faultReply(Fault fault) {
    ObjectNode body = mapper.createObjectNode().put("ok", false).put("error", fault.error());
    Reply reply = json(fault.status(), body);
    if (fault.retryAfterSeconds() == null) {
      return reply;
    }
    return new Reply(
        reply.status(),
        Map.of("Retry-After", fault.retryAfterSeconds().toString()),
        reply.body(),
        false);
  }

  private ObjectNode errorBody(MethodError error) {
    ObjectNode body = mapper.createObjectNode().put("ok", false).put("error", error.error());
    if (!error.messages().isEmpty()) {
      body.putObject("response_metadata").set("messages", mapper.valueToTree(error.messages()));
    }
    return body;
  }

  private boolean held(String method, Pause.At at) throws InterruptedException {
    Optional<Pause> pause = interceptions.takePause(method, at);
    return pause.isPresent() && pause.get().hold();
  }

  private static Reply json(int status, Object body) {
    return new Reply(status, Map.of(), body.toString(), false);
  }
}
