package io.disputedesk.sync;

/** A poll stopped on purpose; the message says why (no buyer data). */
public final class SyncException extends RuntimeException {
  public SyncException(String message) {
    super(message, null, false, false);
  }
}
