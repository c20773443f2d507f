package io.disputedesk.sim.slack;

/**
 * A failure {@link LocalSlack} answers instead of running a method.
 *
 * @param status the HTTP status
 * @param error the {@code error} field of the {@code ok:false} body
 * @param retryAfterSeconds the {@code Retry-After} header, or null for none
 */
public record Fault(int status, String error, Integer retryAfterSeconds) {

  /**
   * HTTP 429 with {@code Retry-After} and {@code {"ok":false,"error":"ratelimited"}}, as Slack
   * throttles.
   */
  public static Fault rateLimited(int retryAfterSeconds) {
    return new Fault(429, "ratelimited", retryAfterSeconds);
  }

  /** HTTP 200 with {@code {"ok":false,"error":error}}, as Slack reports API-level errors. */
  public static Fault error(String error) {
    return new Fault(200, error, null);
  }

  /** HTTP 500, as when Slack itself fails. */
  public static Fault serverError() {
    return new Fault(500, "internal_error", null);
  }
}
