package io.disputedesk.slack;

import com.slack.api.methods.SlackFilesUploadV2Exception;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A Slack Web API call failed: Slack said {@code ok:false}, answered an HTTP error, or could not be
 * reached.
 */
public final class SlackException extends RuntimeException {
  /** Errors that repeat whatever we do: the payload itself is wrong. */
  private static final Set<String> PERMANENT =
      Set.of(
          "invalid_blocks",
          "invalid_blocks_format",
          "invalid_arguments",
          "msg_too_long",
          "msg_blocks_too_long",
          "no_text",
          "invalid_metadata_format",
          "invalid_metadata_schema",
          "too_many_attachments");

  /** Errors that say the bot token itself no longer works: revoked, expired, app uninstalled. */
  private static final Set<String> AUTH =
      Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");

  private final String method;
  private final String error;
  private final Duration retryAfter;
  private final boolean outcomeUnknown;

  public SlackException(String method, String error, Duration retryAfter, Throwable cause) {
    this(method, error, retryAfter, false, cause);
  }

  private SlackException(
      String method, String error, Duration retryAfter, boolean outcomeUnknown, Throwable cause) {
    super(
        "Slack "
            + method
            + " failed: "
            + error
            + (retryAfter == null ? "" : " (retry after " + retryAfter.toSeconds() + " s)"),
        cause);
    this.method = method;
    this.error = error;
    this.retryAfter = retryAfter;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** The request may have reached Slack but no answer came back (timeout, connection cut). */
  public static SlackException outcomeUnknown(String method, String error, Throwable cause) {
    return new SlackException(method, error, null, true, cause);
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

  /** Slack may have carried the call out: a post must be looked for before it is sent again. */
  public boolean isOutcomeUnknown() {
    return outcomeUnknown;
  }

  /** The bot token does not work: no write can succeed until it does again. */
  public boolean isAuthFailure() {
    return isAuthError(error);
  }

  /** True for Slack {@code error} codes that mean the token does not work. */
  static boolean isAuthError(String error) {
    return error != null && AUTH.contains(error);
  }

  /** Retrying the same call cannot succeed. */
  public boolean isPermanent() {
    return PERMANENT.contains(error);
  }

  /**
   * The step of a {@code files.uploadV2} Slack refused, in its own words (the SDK's exception says
   * which); {@code fallback} when no step says.
   */
  public static String uploadError(SlackFilesUploadV2Exception e, String fallback) {
    if (e.getCompleteResponse() != null && e.getCompleteResponse().getError() != null) {
      return e.getCompleteResponse().getError();
    }
    if (e.getGetURLResponses() != null) {
      for (var r : e.getGetURLResponses()) {
        if (r.getError() != null) {
          return r.getError();
        }
      }
    }
    return fallback;
  }
}
