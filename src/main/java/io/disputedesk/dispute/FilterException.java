package io.disputedesk.dispute;

/**
 * Filter words that cannot be used; the message says why, in words for the person who wrote them.
 */
public final class FilterException extends IllegalArgumentException {
  public FilterException(String message) {
    super(message);
  }
}
