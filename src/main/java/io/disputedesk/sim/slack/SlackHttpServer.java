package io.disputedesk.sim.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.disputedesk.http.HeaderMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of {@link LocalSlack}: {@code /api/<method>}, {@code /hooks/…}, {@code
 * /upload/<file id>} and {@code /files/<file id>/<name>} (downloads of files people attached in
 * modals, bot token only).
 */
final class SlackHttpServer {
  static final String API = "/api/";
  static final String HOOKS = "/hooks/";
  static final String UPLOAD = "/upload/";
  static final String FILES = "/files/";

  private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final ApiRequests requests;
  private final ApiDispatcher dispatcher;
  private final HookSink hooks;
  private final FileStore files;
  private final InputFiles inputFiles;
  private final String botToken;
  private final Clock clock;

  SlackHttpServer(
      int port,
      ApiRequests requests,
      ApiDispatcher dispatcher,
      HookSink hooks,
      FileStore files,
      InputFiles inputFiles,
      String botToken,
      Clock clock) {
    this.requests = requests;
    this.dispatcher = dispatcher;
    this.hooks = hooks;
    this.files = files;
    this.inputFiles = inputFiles;
    this.botToken = botToken;
    this.clock = clock;
    try {
      this.server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("LocalSlack cannot bind port " + port, e);
    }
    // Unbounded: a paused call must not starve the others.
    AtomicInteger count = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "local-slack-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(API, this::api);
    server.createContext(HOOKS, this::hook);
    server.createContext(UPLOAD, this::upload);
    server.createContext(FILES, this::download);
  }

  void start() {
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestURI().getPath().substring(API.length());
      String body = readBody(exchange);
      ApiDispatcher.Reply reply;
      try {
        ApiCall call =
            requests.decode(
                method,
                HeaderMap.of(exchange.getRequestHeaders()),
                exchange.getRequestURI().getRawQuery(),
                body,
                clock.instant());
        reply = dispatcher.dispatch(call);
      } catch (MethodError e) {
        reply = dispatcher.rejected(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply = ApiDispatcher.Reply.DROP;
      } catch (RuntimeException e) {
        log.error("LocalSlack failed on {}", method, e);
        reply =
            new ApiDispatcher.Reply(
                500, Map.of(), "{\"ok\":false,\"error\":\"internal_error\"}", false);
      }
      if (reply.drop()) {
        return; // closing without a response cuts the connection
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      send(exchange, reply.status(), "application/json; charset=utf-8", reply.body());
    }
  }

  private void hook(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(HOOKS.length());
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method_not_allowed");
        return;
      }
      hooks.receive(path, readBody(exchange), clock.instant());
      send(exchange, 200, "text/plain; charset=utf-8", "ok");
    }
  }

  private void upload(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = exchange.getRequestURI().getPath().substring(UPLOAD.length());
      byte[] content;
      try (InputStream in = exchange.getRequestBody()) {
        content = in.readAllBytes();
      }
      if (!files.receive(id, content)) {
        send(exchange, 404, "text/plain; charset=utf-8", "not_found");
        return;
      }
      send(exchange, 200, "text/plain; charset=utf-8", "OK - " + content.length);
    }
  }

  /** Like Slack: a private file needs the bot token, else a 302 to the login page is answered. */
  private void download(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "text/plain; charset=utf-8", "method_not_allowed");
        return;
      }
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.equals("Bearer " + botToken)) {
        exchange.getResponseHeaders().set("Location", "https://slack.com/signin");
        send(exchange, 302, "text/html; charset=utf-8", "");
        return;
      }
      var content =
          inputFiles.content(exchange.getRequestURI().getPath().substring(FILES.length()));
      if (content.isEmpty()) {
        send(exchange, 404, "text/plain; charset=utf-8", "not_found");
        return;
      }
      byte[] bytes = content.get();
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
