package io.disputedesk.jobs;

/** The scheduler could not be started, configured or stopped. */
public final class JobsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JobsException(String message, Throwable cause) {
    super(message, cause);
  }
}
