package io.disputedesk.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns each {@link HttpExchange} into a {@link Request}, runs the routed handler and writes its {@link Response}. */
final class ExchangeDispatcher implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(ExchangeDispatcher.class);

  /**
   * After a 413 is sent, up to this much of the refused body is read and thrown away, so a client
   * still sending sees the answer instead of a reset connection; beyond it the connection is cut.
   */
  static final long LINGER_BYTES = 8L << 20;

  private final Routes routes;
  private final InFlight inFlight;
  private final RequestObserver observer;
  private final int maxBodyBytes;

  ExchangeDispatcher(Routes routes, InFlight inFlight, RequestObserver observer, int maxBodyBytes) {
    this.routes = routes;
    this.inFlight = inFlight;
    this.observer = observer;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) {
    long started = System.nanoTime();
    if (!inFlight.enter()) {
      send(exchange, Response.text(503, "Shutting down").withHeader("Connection", "close"), false);
      exchange.close();
      return;
    }
    String route = Routes.UNMATCHED;
    int status = 500;
    try {
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      Routes.Resolution resolution = routes.resolve(method, exchange.getRequestURI().getPath());
      boolean head = method.equals("HEAD");
      if (resolution instanceof Routes.Found found) {
        route = found.route();
        status = serve(exchange, method, found, head);
      } else if (resolution instanceof Routes.WrongMethod wrong) {
        route = wrong.route();
        Response response = method.equals("OPTIONS")
            ? Response.empty(204).withHeader("Allow", wrong.allow())
            : Response.text(405, "Method Not Allowed").withHeader("Allow", wrong.allow());
        status = send(exchange, response, head);
      } else {
        status = send(exchange, Response.text(404, "Not Found"), head);
      }
    } finally {
      exchange.close();
      inFlight.exit();
      report(route, status, System.nanoTime() - started);
    }
  }

  /** Reads the body within the limit, runs the handler, sends its answer; returns the status sent. */
  private int serve(HttpExchange exchange, String method, Routes.Found found, boolean head) {
    Optional<byte[]> body;
    try {
      body = readBody(exchange);
    } catch (IOException e) {
      log.debug("Could not read request body on {}: {}", found.route(), e.toString());
      return send(exchange, Response.text(400, "Unreadable body").withHeader("Connection", "close"), head);
    }
    if (body.isEmpty()) {
      // The answer is flushed but the exchange stays open while the rest is discarded: the JDK
      // server would otherwise close at once and reset a client that is still sending.
      int status = send(exchange, Response.text(413, "Payload Too Large").withHeader("Connection", "close"), head);
      discardRest(exchange);
      return status;
    }
    Request request = new Request(
        method,
        exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(),
        HeaderMap.of(exchange.getRequestHeaders()),
        body.get(),
        exchange.getRemoteAddress());
    return send(exchange, run(found, request), head);
  }

  private static Response run(Routes.Found found, Request request) {
    try {
      Response response = found.handler().handle(request);
      if (response == null) {
        throw new IllegalStateException("Handler returned no response");
      }
      return response;
    } catch (Exception e) {
      log.error("Handler for {} {} failed", request.method(), found.route(), e);
      return Response.text(500, "Internal Server Error");
    }
  }

  /** The whole body, or empty if it is larger than allowed (reading no further than the limit). */
  private Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && parseLength(declared) > maxBodyBytes) {
      return Optional.empty();
    }
    // Not closed here: closing would drain, and a refused body is drained by discardRest.
    byte[] bytes = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
    return bytes.length > maxBodyBytes ? Optional.empty() : Optional.of(bytes);
  }

  private static void discardRest(HttpExchange exchange) {
    InputStream in = exchange.getRequestBody();
    try {
      long skipped = 0;
      byte[] sink = new byte[64 * 1024];
      int n;
      while (skipped < LINGER_BYTES && (n = in.read(sink)) >= 0) {
        skipped += n;
      }
    } catch (IOException e) {
      log.debug("Client stopped sending a refused body: {}", e.toString());
    }
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Writes the response (headers only for HEAD); returns its status. */
  private static int send(HttpExchange exchange, Response response, boolean head) {
    try {
      for (Map.Entry<String, List<String>> header : response.headers().asMap().entrySet()) {
        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
      }
      byte[] body = response.body();
      int status = response.status();
      boolean bodiless = status == 204 || status == 304 || status < 200;
      if (head) {
        // HEAD: announce the length a GET would have sent, send no bytes.
        exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        exchange.sendResponseHeaders(status, -1);
      } else if (bodiless || body.length == 0) {
        exchange.sendResponseHeaders(status, -1);
      } else {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.getResponseBody().flush();
      }
    } catch (IOException e) {
      log.debug("Client went away before the response was written: {}", e.toString());
    }
    return response.status();
  }

  private void report(String route, int status, long nanos) {
    try {
      observer.observe(route, status, nanos);
    } catch (RuntimeException e) {
      log.warn("Request observer failed", e);
    }
  }
}
