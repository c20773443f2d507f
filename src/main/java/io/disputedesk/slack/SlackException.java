package io.disputedesk.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** A Slack Web API call failed: Slack said {@code ok:false}, answered an HTTP error, or could not be reached. */
public final class SlackException extends RuntimeException {
  /** Errors that repeat whatever we do: the payload itself is wrong. */
  private static final Set<String> PERMANENT = Set.of("invalid_blocks", "invalid_blocks_format",
      "invalid_arguments", "msg_too_long", "msg_blocks_too_long", "no_text", "invalid_metadata_format",
      "invalid_metadata_schema", "too_many_attachments", "unreadable_payload");

  private final String method;
  private final String error;
  private final Duration retryAfter;

  public SlackException(String method, String error, Duration retryAfter, Throwable cause) {
    super("Slack " + method + " failed: " + error
        + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + " s)"), cause);
    this.method = method;
    this.error = error;
    this.retryAfter = retryAfter;
  }

  public String method() {
    return method;
  }

  /** Slack's {@code error} code, {@code http_<status>} for an HTTP error, or {@code io_error}. */
  public String error() {
    return error;
  }

  /** Set when Slack throttled the call: how long to wait. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean isRateLimited() {
    return retryAfter != null;
  }

  /** The message to update or reply to was deleted. */
  public boolean isMessageNotFound() {
    return "message_not_found".equals(error);
  }

  /** Retrying the same call cannot succeed. */
  public boolean isPermanent() {
    return PERMANENT.contains(error);
  }
}
