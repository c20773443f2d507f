package io.disputedesk.sim;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's HTTP server on 127.0.0.1, its threads, and the latch that lets hung requests go
 * on close.
 */
final class SimServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closing = new CountDownLatch(1);

  private SimServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Opens 127.0.0.1 at {@code port} (0 = any free port); nothing is served before {@link #serve}.
   */
  static SimServer open(int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the simulator's port " + port, e);
    }
    AtomicInteger threads = new AtomicInteger();
    // Cached, so delayed and hung requests never starve the others.
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "paypal-sim-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return new SimServer(server, executor);
  }

  /** For example {@code http://127.0.0.1:54321}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Counted down on close: hung requests wait on it. */
  CountDownLatch closing() {
    return closing;
  }

  /** Starts answering every path with {@code handler}. */
  void serve(HttpHandler handler) {
    server.createContext("/", handler);
    server.setExecutor(executor);
    server.start();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
