package io.disputedesk.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing for a host that is not Slack (another port than the local
 * Slack's): it answers 200 and counts the requests it gets, which should be none.
 */
public final class ForeignHost implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  private ForeignHost(HttpServer server) {
    this.server = server;
  }

  public static ForeignHost start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ForeignHost host = new ForeignHost(server);
      server.createContext(
          "/",
          exchange -> {
            host.requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return host;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A URL on this host, shaped like a Slack response URL with its secret in the path. */
  public String url(String path) {
    return "http://127.0.0.1:"
        + server.getAddress().getPort()
        + (path.startsWith("/") ? path : "/" + path);
  }

  public int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
