package io.disputedesk.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each Jetty request into a {@link io.disputedesk.http.Request}, reads its body within the
 * limit without blocking, runs the routed handler and writes its {@link Response}.
 */
final class JettyDispatcher extends org.eclipse.jetty.server.Handler.Abstract {
  private static final Logger log = LoggerFactory.getLogger(JettyDispatcher.class);

  /**
   * After a 413 is sent, up to this much of the refused body is read and thrown away, so a client
   * still sending sees the answer instead of a reset connection; beyond it the connection is cut.
   */
  static final long LINGER_BYTES = 8L << 20;

  private final Routes routes;
  private final InFlight inFlight;
  private final RequestObserver observer;
  private final int maxBodyBytes;
  private final Duration bodyDeadline;

  JettyDispatcher(
      Routes routes,
      InFlight inFlight,
      RequestObserver observer,
      int maxBodyBytes,
      Duration bodyDeadline) {
    this.routes = routes;
    this.inFlight = inFlight;
    this.observer = observer;
    this.maxBodyBytes = maxBodyBytes;
    this.bodyDeadline = bodyDeadline;
  }

  @Override
  public boolean handle(
      Request request, org.eclipse.jetty.server.Response response, Callback callback) {
    long started = System.nanoTime();
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    boolean head = method.equals("HEAD");
    if (!inFlight.enter()) {
      ResponseWriter.write(
          response,
          Response.text(503, "Shutting down").withHeader("Connection", "close"),
          head,
          callback);
      return true;
    }
    Exchange exchange = new Exchange(response, callback, head, started);
    try {
      Routes.Resolution resolution = routes.resolve(method, request.getHttpURI().getDecodedPath());
      if (resolution instanceof Routes.Found found) {
        exchange.route = found.route();
        if (request.getLength() > maxBodyBytes) {
          refuseBody(request, exchange);
        } else {
          BodyReader.read(
              request,
              maxBodyBytes,
              bodyDeadline,
              outcome -> serve(request, method, found, exchange, outcome));
        }
      } else if (resolution instanceof Routes.WrongMethod wrong) {
        exchange.route = wrong.route();
        exchange.send(
            method.equals("OPTIONS")
                ? Response.empty(204).withHeader("Allow", wrong.allow())
                : Response.text(405, "Method Not Allowed").withHeader("Allow", wrong.allow()));
      } else {
        exchange.send(Response.text(404, "Not Found"));
      }
    } catch (RuntimeException e) {
      log.error("Dispatching {} {} failed", method, exchange.route, e);
      exchange.send(Response.text(500, "Internal Server Error"));
    }
    return true;
  }

  private void serve(
      Request request,
      String method,
      Routes.Found found,
      Exchange exchange,
      BodyReader.Outcome outcome) {
    if (outcome instanceof BodyReader.Complete complete) {
      exchange.send(
          run(
              found,
              new io.disputedesk.http.Request(
                  method,
                  request.getHttpURI().getDecodedPath(),
                  request.getHttpURI().getQuery(),
                  headers(request),
                  complete.body(),
                  remote(request))));
    } else if (outcome instanceof BodyReader.TooLarge) {
      refuseBody(request, exchange);
    } else if (outcome instanceof BodyReader.TimedOut) {
      exchange.send(Response.text(408, "Request Timeout").withHeader("Connection", "close"));
    } else if (outcome instanceof BodyReader.Failed failed) {
      log.debug("Could not read request body on {}: {}", found.route(), failed.cause().toString());
      exchange.send(Response.text(400, "Unreadable body").withHeader("Connection", "close"));
    }
  }

  /** 413, then the rest of the body is discarded (up to a limit) before the connection closes. */
  private static void refuseBody(Request request, Exchange exchange) {
    exchange.send(
        Response.text(413, "Payload Too Large").withHeader("Connection", "close"),
        () -> BodyReader.discard(request, LINGER_BYTES, exchange::succeeded));
  }

  private static Response run(Routes.Found found, io.disputedesk.http.Request request) {
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

  private static HeaderMap headers(Request request) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      raw.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
    }
    return HeaderMap.of(raw);
  }

  private static InetSocketAddress remote(Request request) {
    SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
    return address instanceof InetSocketAddress inet ? inet : null;
  }

  /** One request's answer: written once, then the request is counted out and reported. */
  private final class Exchange {
    private final org.eclipse.jetty.server.Response response;
    private final Callback callback;
    private final boolean head;
    private final long started;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile String route = Routes.UNMATCHED;

    Exchange(
        org.eclipse.jetty.server.Response response, Callback callback, boolean head, long started) {
      this.response = response;
      this.callback = callback;
      this.head = head;
      this.started = started;
    }

    void send(Response answer) {
      send(answer, this::succeeded);
    }

    /** Writes the answer; {@code afterWrite} must end the exchange with {@link #succeeded()}. */
    void send(Response answer, Runnable afterWrite) {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      report(answer.status());
      ResponseWriter.write(response, answer, head, Callback.from(afterWrite, this::failed));
    }

    void succeeded() {
      try {
        callback.succeeded();
      } finally {
        finish();
      }
    }

    private void failed(Throwable failure) {
      log.debug("Client went away before the response was written: {}", failure.toString());
      try {
        callback.failed(failure);
      } finally {
        finish();
      }
    }

    /** Reported when the answer is handed over, so it is counted before the client can see it. */
    private void report(int status) {
      try {
        observer.observe(route, status, System.nanoTime() - started);
      } catch (RuntimeException e) {
        log.warn("Request observer failed", e);
      }
    }

    private void finish() {
      if (finished.compareAndSet(false, true)) {
        inFlight.exit();
      }
    }
  }
}
