package io.disputedesk.sim.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.http.Response;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's JSON answers to bot replies: ok, a slow-acknowledgement warning, or the error. */
final class BotAnswers {
  private static final Logger log = LoggerFactory.getLogger(BotAnswers.class);
  static final long SLACK_ACK_TIMEOUT_MILLIS = 3000;

  private final ObjectMapper mapper;

  BotAnswers(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Response answer(BotLink.Reply reply, String what) {
    if (!reply.ok()) {
      return failed(reply, what);
    }
    return slow(reply, what)
        .map(
            w ->
                Response.json(
                    200, mapper.createObjectNode().put("ok", true).put("warning", w).toString()))
        .orElseGet(this::ok);
  }

  /** Slack gives up on an acknowledgement after 3 seconds and shows the user an error. */
  Optional<String> slow(BotLink.Reply reply, String what) {
    if (reply.millis() <= SLACK_ACK_TIMEOUT_MILLIS) {
      return Optional.empty();
    }
    String warning =
        "The app took "
            + reply.millis()
            + " ms to acknowledge "
            + what
            + "; Slack would have shown an error after 3 s.";
    log.warn(warning);
    return Optional.of(warning);
  }

  Response failed(BotLink.Reply reply, String what) {
    String error =
        reply.status() == 0
            ? "The app could not be reached (" + reply.body() + ")."
            : "The app answered " + what + " with HTTP " + reply.status() + ".";
    log.warn("{} after {} ms", error, reply.millis());
    return Response.json(
        200, mapper.createObjectNode().put("ok", false).put("error", error).toString());
  }

  Response ok() {
    return Response.json(200, "{\"ok\":true}");
  }
}
