package io.disputedesk.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/** Writes one {@link Response} onto Jetty's response in a single last write. */
final class ResponseWriter {
  private ResponseWriter() {}

  /** Status, headers and body (headers only for HEAD, with the length a GET would have sent). */
  static void write(
      org.eclipse.jetty.server.Response out, Response response, boolean head, Callback callback) {
    int status = response.status();
    out.setStatus(status);
    HttpFields.Mutable headers = out.getHeaders();
    for (Map.Entry<String, List<String>> header : response.headers().asMap().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Length")) {
        continue;
      }
      header.getValue().forEach(value -> headers.add(header.getKey(), value));
    }
    byte[] body = response.body();
    boolean bodiless = status == 204 || status == 304 || status < 200;
    if (head) {
      headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
      out.write(true, BufferUtil.EMPTY_BUFFER, callback);
    } else if (bodiless || body.length == 0) {
      out.write(true, BufferUtil.EMPTY_BUFFER, callback);
    } else {
      headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
      out.write(true, ByteBuffer.wrap(body), callback);
    }
  }
}
