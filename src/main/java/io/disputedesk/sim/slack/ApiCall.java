package io.disputedesk.sim.slack;

import io.disputedesk.http.HeaderMap;
import java.time.Instant;
import java.util.Map;

/**
 * One Web API call as {@link LocalSlack} received it.
 *
 * @param params form fields or top-level JSON fields (objects and arrays as JSON text), plus query
 *     parameters; the first value wins
 */
public record ApiCall(
    String method, HeaderMap headers, Map<String, String> params, String rawBody, Instant at) {
  public ApiCall {
    params = Map.copyOf(params);
  }

  /** A parameter's value, or null. */
  public String param(String name) {
    return params.get(name);
  }

  /** A header's first value, or null. */
  public String header(String name) {
    return headers.first(name).orElse(null);
  }

  /** Without headers or body: they carry the token and user data. */
  @Override
  public String toString() {
    return "ApiCall[" + method + " " + params.keySet() + "]";
  }
}
