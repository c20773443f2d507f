package io.disputedesk.sim.slack;

import java.util.List;

/** Ends a Web API method with {@code {"ok":false,"error":…}}. */
final class MethodError extends RuntimeException {
  private final String error;
  private final List<String> messages;

  MethodError(String error) {
    this(error, List.of());
  }

  MethodError(String error, List<String> messages) {
    super(error, null, false, false);
    this.error = error;
    this.messages = List.copyOf(messages);
  }

  String error() {
    return error;
  }

  /** Slack's {@code response_metadata.messages}, explaining {@code invalid_arguments}. */
  List<String> messages() {
    return messages;
  }
}
