package io.disputedesk.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One HTTP response as a handler returns it. */
public record Response(int status, HeaderMap headers, byte[] body) {
  public static final String TEXT_UTF8 = "text/plain; charset=utf-8";
  public static final String JSON_UTF8 = "application/json; charset=utf-8";

  public Response {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status out of range: " + status);
    }
    headers = headers == null ? HeaderMap.empty() : headers;
    body = body == null ? new byte[0] : body;
  }

  public static Response of(int status, String contentType, byte[] body) {
    return new Response(status, HeaderMap.of(Map.of("Content-Type", List.of(contentType))), body);
  }

  public static Response text(int status, String text) {
    return of(status, TEXT_UTF8, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Response json(int status, String json) {
    return of(status, JSON_UTF8, json.getBytes(StandardCharsets.UTF_8));
  }

  public static Response empty(int status) {
    return new Response(status, HeaderMap.empty(), new byte[0]);
  }

  /** A copy with one more header value. */
  public Response withHeader(String name, String value) {
    return new Response(status, headers.with(name, value), body);
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return headers.first(name).orElse(null);
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Response[" + status + ", " + body.length + " bytes]";
  }

  // equals/hashCode compare the body by content, not by array identity.
  @Override
  public boolean equals(Object o) {
    return o instanceof Response r
        && status == r.status
        && headers.asMap().equals(r.headers.asMap())
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, Arrays.hashCode(body));
  }
}
