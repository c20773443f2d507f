package io.disputedesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send slowly, stop sending or send garbage cost the front door no worker and get a
 * 4xx.
 */
class SlowAndMalformedClientsTest {
  private record Observed(String route, int status, long nanos) {}

  private final List<Observed> observed = new CopyOnWriteArrayList<>();
  private final HttpHost host =
      new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() {
    host.stop(Duration.ofSeconds(1));
  }

  @Test
  void clientsStalledMidBodyHoldNoWorkerThread() throws Exception {
    HttpHost small = new HttpHost(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2);
    small.route(
        "POST", "/slack/events", request -> Response.text(200, "ack " + request.body().length));
    small.route("GET", "/healthz", request -> Response.text(200, "ok"));
    small.start();
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        stalled.add(stallMidBody(small.port()));
      }
      HttpRequest post =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port() + "/slack/events"))
              .timeout(Duration.ofSeconds(5))
              .POST(HttpRequest.BodyPublishers.ofString("payload=x"))
              .build();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + small.port() + "/healthz"))
              .timeout(Duration.ofSeconds(5))
              .build();

      assertThat(client.send(post, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ack 9");
      assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
      small.stop(Duration.ofMillis(100));
    }
  }

  @Test
  void bodyThatStopsArrivingIsAnsweredRequestTimeoutAfterTheIdleTimeout() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpHost quick =
        new HttpHost(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            2,
            (route, status, nanos) -> observed.add(new Observed(route, status, nanos)),
            Duration.ofMillis(300),
            Duration.ofSeconds(30));
    quick.route(
        "POST",
        "/slack/events",
        request -> {
          calls.incrementAndGet();
          return Response.text(200, "ok");
        });
    quick.start();
    try (Socket socket = stallMidBody(quick.port())) {
      socket.setSoTimeout(5_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

      assertThat(in.readLine()).startsWith("HTTP/1.1 408 ");
    } finally {
      quick.stop(Duration.ofMillis(100));
    }
    assertThat(calls).hasValue(0);
    assertThat(observed)
        .extracting(Observed::route, Observed::status)
        .containsExactly(Tuple.tuple("/slack/events", 408));
  }

  @Test
  void bodyTrickledSlowerThanTheDeadlineIsAnsweredRequestTimeout() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpHost strict =
        new HttpHost(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            2,
            RequestObserver.NONE,
            Duration.ofSeconds(10),
            Duration.ofMillis(500));
    strict.route(
        "POST",
        "/slack/events",
        request -> {
          calls.incrementAndGet();
          return Response.text(200, "ok");
        });
    strict.start();
    try (Socket socket = stallMidBody(strict.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      // One byte every 100 ms keeps the idle timeout from firing; the deadline still does.
      CompletableFuture<Void> trickle =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0; i < 100; i++) {
                    Thread.sleep(100);
                    out.write('x');
                    out.flush();
                  }
                } catch (Exception e) {
                  // the server answered and closed
                }
              });
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

      assertThat(in.readLine()).startsWith("HTTP/1.1 408 ");
      trickle.cancel(true);
    } finally {
      strict.stop(Duration.ofMillis(100));
    }
    assertThat(calls).hasValue(0);
  }

  @Test
  void malformedRequestsAreRefusedWithAPlainReasonThatEchoesNothing() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    host.routePrefix(
        "GET",
        "/console/",
        request -> {
          calls.incrementAndGet();
          return Response.text(200, "x");
        });
    host.start();

    String encodedSeparator =
        rawExchange(
            "GET /console/..%2F<script>x</script> HTTP/1.1\r\nHost: a\r\n"
                + "Connection: close\r\n\r\n");
    String hugeHeader =
        rawExchange(
            "GET /console/a HTTP/1.1\r\nHost: a\r\nX-Pad: "
                + "p".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

    assertThat(encodedSeparator)
        .startsWith("HTTP/1.1 400 ")
        .endsWith("\r\n\r\nBad Request")
        .doesNotContain("script");
    assertThat(hugeHeader).startsWith("HTTP/1.1 431 ").doesNotContain("ppp");
    assertThat(calls).hasValue(0);
  }

  private String rawExchange(String request) throws Exception {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), host.port())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Headers announcing 2 KiB of body, then one byte of it, then nothing. */
  private static Socket stallMidBody(int port) throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2048\r\n\r\np")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }
}
