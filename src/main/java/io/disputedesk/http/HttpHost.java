package io.disputedesk.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The application's one embedded HTTP server: routes requests to {@link Handler}s on a thread pool. */
public final class HttpHost {
  /** Larger request bodies are answered 413 without being read. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger log = LoggerFactory.getLogger(HttpHost.class);

  private record Running(HttpServer server, ExecutorService executor) {}

  private final InetSocketAddress bind;
  private final int threads;
  private final Routes routes = new Routes();
  private final InFlight inFlight = new InFlight();
  private final ExchangeDispatcher dispatcher;
  private final AtomicReference<Running> running = new AtomicReference<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();

  public HttpHost(InetSocketAddress bind, int threads) {
    this(bind, threads, RequestObserver.NONE);
  }

  public HttpHost(InetSocketAddress bind, int threads, RequestObserver observer) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.bind = Objects.requireNonNull(bind, "bind");
    this.threads = threads;
    this.dispatcher = new ExchangeDispatcher(routes, inFlight, Objects.requireNonNull(observer), MAX_BODY_BYTES);
  }

  /** Serves {@code method} on exactly {@code path}; a GET route also answers HEAD. */
  public HttpHost route(String method, String path, Handler handler) {
    routes.exact(method, path, Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /** Serves {@code method} on every path starting with {@code prefix} that has no exact route. */
  public HttpHost routePrefix(String method, String prefix, Handler handler) {
    routes.prefix(method, prefix, Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /** Binds and starts serving; a host starts once. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("HttpHost already started");
    }
    HttpServer server;
    try {
      server = HttpServer.create(bind, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind " + bind, e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads, namedDaemonThreads());
    server.setExecutor(executor);
    server.createContext("/", dispatcher);
    server.start();
    running.set(new Running(server, executor));
    log.info("HTTP listening on {}:{}", bind.getHostString(), server.getAddress().getPort());
  }

  /** The bound port (useful after binding port 0); still answers while stopping. */
  public int port() {
    Running r = running.get();
    if (r == null) {
      throw new IllegalStateException("HttpHost is not running");
    }
    return r.server().getAddress().getPort();
  }

  /**
   * Stops: new requests get 503, requests in flight get up to {@code grace} to finish, then the
   * listener and every connection close.
   */
  public void stop(Duration grace) {
    Running r = running.get();
    if (r == null || !stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      if (!inFlight.drain(grace)) {
        log.warn("Stopping HTTP with requests still in flight after {}", grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // The JDK server's own stop(delay) on Java 17 waits the full delay even when idle, so
    // draining is done above and the server is closed at once.
    r.server().stop(0);
    r.executor().shutdownNow();
    try {
      r.executor().awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.set(null);
  }

  private static ThreadFactory namedDaemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, "http-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
