package io.disputedesk.sim;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the simulator received: the operation it named ({@code token}, {@code list}, {@code
 * get}, {@code make-offer}, ...), method, path with query, headers (names as sent, looked up
 * ignoring case) and raw body.
 */
public record SimRequest(
    String operation,
    String method,
    String pathAndQuery,
    Map<String, List<String>> headers,
    byte[] body,
    Instant receivedAt) {

  /** The first value of a header, ignoring case; null when absent. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Leaves out headers and body: they hold bearer tokens and client secrets. */
  @Override
  public String toString() {
    return "SimRequest["
        + operation
        + " "
        + method
        + " "
        + pathAndQuery
        + ", "
        + body.length
        + " bytes]";
  }
}
