package io.disputedesk.slack.home;

/** The {@code SyncState} keys the poller writes and the Home tab reads to show the bot's health. */
public final class HealthKeys {
  /** ISO instant of the last poll that completed. */
  public static final String POLL_LAST_SUCCESS = "poll.last_success";

  /** A short description of the last poll failure (no secrets). */
  public static final String POLL_LAST_ERROR = "poll.last_error";

  /** ISO instant of that failure. */
  public static final String POLL_LAST_ERROR_AT = "poll.last_error_at";

  private HealthKeys() {}
}
