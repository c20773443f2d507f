package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack client shares the application's OkHttp client but keeps its own idle connections: a
 * burst of PayPal calls does not close them, so the next clicks' {@code views.open} need no new
 * connection (a TLS handshake to Slack, on the ack path).
 */
class SlackConnectionsTest {
  private static final int AT_ONCE = 6;

  private final ExecutorService callers = Executors.newFixedThreadPool(12);
  private final ExecutorService serving = Executors.newCachedThreadPool();
  private final OkHttpClient http = new OkHttpClient();
  private HttpServer slackServer;
  private HttpServer paypalServer;
  private Slack slack;

  @AfterEach
  void stop() throws Exception {
    callers.shutdownNow();
    serving.shutdownNow();
    if (slack != null) {
      slack.close();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    slackServer.stop(0);
    paypalServer.stop(0);
  }

  @Test
  void paypalCallsDoNotCloseTheIdleConnectionsToSlack() throws Exception {
    Set<Integer> slackClientPorts = ConcurrentHashMap.newKeySet();
    CyclicBarrier together = new CyclicBarrier(AT_ONCE);
    slackServer =
        server(
            exchange -> {
              slackClientPorts.add(exchange.getRemoteAddress().getPort());
              await(together);
              answer(exchange, "{\"ok\":true}");
            });
    CyclicBarrier paypalTogether = new CyclicBarrier(10);
    paypalServer =
        server(
            exchange -> {
              await(paypalTogether);
              answer(exchange, "{}");
            });
    slack = SlackApps.newSlack(url(slackServer) + "/api/", http);

    slackCalls();
    Set<Integer> first = Set.copyOf(slackClientPorts);
    assertThat(first).hasSize(AT_ONCE);
    paypalCalls(10);
    slackClientPorts.clear();
    slackCalls();

    assertThat(slackClientPorts).as("the same connections, none new").isEqualTo(first);
  }

  private void slackCalls() throws Exception {
    List<Future<Boolean>> calls =
        IntStream.range(0, AT_ONCE)
            .mapToObj(i -> callers.submit(() -> slack.methods("xoxb-test").apiTest(r -> r).isOk()))
            .toList();
    for (Future<Boolean> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  private void paypalCalls(int n) throws Exception {
    List<Future<Integer>> calls =
        IntStream.range(0, n)
            .mapToObj(
                i ->
                    callers.submit(
                        () -> {
                          try (Response r =
                              http.newCall(new Request.Builder().url(url(paypalServer)).build())
                                  .execute()) {
                            return r.code();
                          }
                        }))
            .toList();
    for (Future<Integer> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }
  }

  private interface Answer {
    void handle(HttpExchange exchange) throws IOException;
  }

  private HttpServer server(Answer answer) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", answer::handle);
    server.setExecutor(serving);
    server.start();
    return server;
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
