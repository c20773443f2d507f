package io.disputedesk.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's one embedded HTTP server (Jetty, core API): routes requests to {@link
 * Handler}s.
 *
 * <p>Request bodies are read without holding a thread, so clients that stop sending cost a
 * connection, not a worker; the worker threads, their queue and the connections are bounded, and a
 * connection with no traffic for the idle timeout is closed.
 */
public final class HttpHost {
  /** Larger request bodies are answered 413 without being read. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** A connection (or a request body) with no bytes for this long is closed. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

  /** A request body that has not fully arrived this long after its headers is answered 408. */
  public static final Duration BODY_DEADLINE = Duration.ofSeconds(30);

  /** Work waiting for a worker thread beyond this is refused (the connection is closed). */
  static final int QUEUE_CAPACITY = 256;

  /** Open connections beyond this wait in the accept backlog. */
  static final int MAX_CONNECTIONS = 1024;

  /** Idle timeout of every open connection while the connection limit is reached. */
  static final Duration IDLE_TIMEOUT_AT_LIMIT = Duration.ofSeconds(2);

  /** Jetty's own threads besides the workers: one acceptor and one selector. */
  private static final int ACCEPTORS = 1;

  private static final int SELECTORS = 1;

  private static final Logger log = LoggerFactory.getLogger(HttpHost.class);

  static {
    // Before any Jetty class that pads by cache lines is loaded.
    CacheLines.tellJetty();
  }

  private final InetSocketAddress bind;
  private final int threads;
  private final Duration idleTimeout;
  private final Routes routes = new Routes();
  private final InFlight inFlight = new InFlight();
  private final JettyDispatcher dispatcher;
  private final AtomicReference<Running> running = new AtomicReference<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();

  private record Running(Server server, ServerConnector connector) {}

  public HttpHost(InetSocketAddress bind, int threads) {
    this(bind, threads, RequestObserver.NONE);
  }

  public HttpHost(InetSocketAddress bind, int threads, RequestObserver observer) {
    this(bind, threads, observer, IDLE_TIMEOUT, BODY_DEADLINE);
  }

  /**
   * @param threads worker threads that run handlers (Jetty's acceptor and selector come on top)
   * @param idleTimeout how long a connection or a request body may send nothing
   * @param bodyDeadline how long a request body may take to arrive in full
   */
  public HttpHost(
      InetSocketAddress bind,
      int threads,
      RequestObserver observer,
      Duration idleTimeout,
      Duration bodyDeadline) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
    this.bind = Objects.requireNonNull(bind, "bind");
    this.threads = threads;
    this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    this.dispatcher =
        new JettyDispatcher(
            routes,
            inFlight,
            Objects.requireNonNull(observer),
            MAX_BODY_BYTES,
            Objects.requireNonNull(bodyDeadline, "bodyDeadline"));
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
    QueuedThreadPool pool =
        new QueuedThreadPool(
            threads + ACCEPTORS + SELECTORS,
            Math.min(4, threads + ACCEPTORS + SELECTORS),
            60_000,
            new BlockingArrayQueue<>(QUEUE_CAPACITY));
    pool.setName("http");
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    // Handlers stuck past the drain of stop() are interrupted after this.
    pool.setStopTimeout(1_000);
    Server server = new Server(pool, new ScheduledExecutorScheduler("http-scheduler", true), null);
    server.setStopTimeout(0);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setIdleTimeout(idleTimeout.toMillis());
    ServerConnector connector =
        new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
    connector.setHost(bind.getHostString());
    connector.setPort(bind.getPort());
    connector.setIdleTimeout(idleTimeout.toMillis());
    connector.setAcceptQueueSize(128);
    server.addConnector(connector);
    NetworkConnectionLimit limit = new NetworkConnectionLimit(MAX_CONNECTIONS, server);
    limit.setEndPointIdleTimeout(IDLE_TIMEOUT_AT_LIMIT.toMillis());
    server.addBean(limit);
    server.setHandler(dispatcher);
    server.setErrorHandler(new PlainErrors());
    try {
      server.start();
    } catch (IOException e) {
      stopQuietly(server);
      // Callers tell "port in use" by a BindException cause; Jetty wraps it in an IOException.
      Throwable cause = e;
      while (cause != null && !(cause instanceof BindException)) {
        cause = cause.getCause();
      }
      throw new UncheckedIOException(
          "Cannot bind " + bind, cause instanceof BindException b ? b : e);
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException("Cannot start HTTP on " + bind, e);
    }
    running.set(new Running(server, connector));
    log.info("HTTP listening on {}:{}", bind.getHostString(), connector.getLocalPort());
  }

  /** The bound port (useful after binding port 0); still answers while stopping. */
  public int port() {
    Running r = running.get();
    if (r == null) {
      throw new IllegalStateException("HttpHost is not running");
    }
    return r.connector().getLocalPort();
  }

  /** True when no request is being served right now. */
  public boolean idle() {
    return inFlight.idle();
  }

  /**
   * Waits until no request is being served (whether or not the host has started), at most {@code
   * max}; true if such a moment came. Background work calls it to leave the cores to the answers
   * people wait for.
   */
  public boolean awaitIdle(Duration max) throws InterruptedException {
    return inFlight.awaitIdle(Objects.requireNonNull(max, "max"));
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
    stopQuietly(r.server());
    running.set(null);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      log.warn("HTTP server did not stop cleanly: {}", e.toString());
    }
  }
}
