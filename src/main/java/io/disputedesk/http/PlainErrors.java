package io.disputedesk.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (malformed requests, oversized headers) as their reason phrase, echoing
 * nothing sent.
 */
final class PlainErrors extends ErrorHandler {
  @Override
  protected void generateResponse(
      org.eclipse.jetty.server.Request request,
      org.eclipse.jetty.server.Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String reason = HttpStatus.getMessage(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Response.TEXT_UTF8);
    response.write(true, ByteBuffer.wrap(reason.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
