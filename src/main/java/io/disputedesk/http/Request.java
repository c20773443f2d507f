package io.disputedesk.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as handlers see it: the body is the exact bytes received.
 *
 * @param query the raw (still percent-encoded) query string, empty when there is none
 */
public record Request(
    String method,
    String path,
    String query,
    HeaderMap headers,
    byte[] body,
    InetSocketAddress remoteAddress) {

  public Request {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = query == null ? "" : query;
    headers = headers == null ? HeaderMap.empty() : headers;
    body = body == null ? new byte[0] : body;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return headers.first(name).orElse(null);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The query string decoded into name → values, in order. */
  public Map<String, List<String>> queryParams() {
    return FormCodec.decode(query);
  }

  /** Without the body: it may hold user data. */
  @Override
  public String toString() {
    return "Request[" + method + " " + path + ", " + body.length + " bytes]";
  }

  // equals/hashCode compare the body by content, not by array identity.
  @Override
  public boolean equals(Object o) {
    return o instanceof Request r
        && method.equals(r.method)
        && path.equals(r.path)
        && query.equals(r.query)
        && headers.asMap().equals(r.headers.asMap())
        && Arrays.equals(body, r.body)
        && Objects.equals(remoteAddress, r.remoteAddress);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, query, Arrays.hashCode(body));
  }
}
