package io.disputedesk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpHostTest {
  private record Observed(String route, int status, long nanos) {}

  private final List<Observed> observed = new CopyOnWriteArrayList<>();
  private final HttpHost host =
      new HttpHost(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
          4,
          (route, status, nanos) -> observed.add(new Observed(route, status, nanos)));
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() {
    host.stop(Duration.ofSeconds(1));
  }

  @Test
  void handlerSeesMethodPathQueryHeadersAndExactBodyBytes() throws Exception {
    AtomicReference<Request> seen = new AtomicReference<>();
    host.route(
        "POST",
        "/echo",
        request -> {
          seen.set(request);
          return Response.of(201, "application/octet-stream", request.body());
        });
    host.start();
    byte[] body = {'Z', 'o', (byte) 0xC3, (byte) 0xAB, (byte) 0xFF, (byte) 0xFE, 0};

    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri("/echo?a=1&b=x+y&a=2"))
                .header("X-Slack-Signature", "v0=abc")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).containsExactly(body);
    Request request = seen.get();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/echo");
    assertThat(request.query()).isEqualTo("a=1&b=x+y&a=2");
    assertThat(request.queryParams())
        .containsEntry("a", List.of("1", "2"))
        .containsEntry("b", List.of("x y"));
    assertThat(request.header("x-slack-signature")).isEqualTo("v0=abc");
    assertThat(request.headers().asMap().get("X-SLACK-SIGNATURE")).containsExactly("v0=abc");
    assertThat(request.body()).containsExactly(body);
    assertThat(request.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    host.route("GET", "/healthz", request -> Response.text(200, "ok"));
    host.start();

    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(get("/healthz/extra").statusCode()).isEqualTo(404);
    assertThat(observed).extracting(Observed::route).containsOnly("unmatched");
  }

  @Test
  void wrongMethodIsMethodNotAllowedWithAllowHeader() throws Exception {
    host.route("POST", "/slack/events", request -> Response.text(200, "ok"));
    host.start();

    HttpResponse<String> response = get("/slack/events");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
  }

  @Test
  void headOnGetRouteSendsLengthButNoBody() throws Exception {
    host.route("GET", "/healthz", request -> Response.text(200, "all good"));
    host.start();

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/healthz"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).hasValue("8");
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Response.TEXT_UTF8);
  }

  @Test
  void optionsListsTheMethodsOfAPath() throws Exception {
    host.route("GET", "/metrics", request -> Response.text(200, ""));
    host.route("POST", "/metrics", request -> Response.text(200, ""));
    host.start();

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/metrics"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS, POST");
  }

  @Test
  void declaredBodyOverOneMebibyteIsRejectedBeforeItArrives() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    host.route(
        "POST",
        "/slack/events",
        request -> {
          calls.incrementAndGet();
          return Response.text(200, "ok");
        });
    host.start();

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), host.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      // Announce 2 MiB but send only a few bytes: the answer must not wait for the rest.
      out.write(
          ("POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                  + "Content-Length: "
                  + (2 << 20)
                  + "\r\n\r\nhello")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("HTTP/1.1 413 ");
    }
    assertThat(calls).hasValue(0);
  }

  @Test
  void twoMebibyteBodyIsPayloadTooLarge() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    host.route(
        "POST",
        "/slack/events",
        request -> {
          calls.incrementAndGet();
          return Response.text(200, "ok");
        });
    host.start();

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/slack/events"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 << 20]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(calls).hasValue(0);
  }

  @Test
  void chunkedBodyOverTheLimitIsPayloadTooLarge() throws Exception {
    host.route("POST", "/upload", request -> Response.text(200, "ok"));
    host.start();
    byte[] big = new byte[HttpHost.MAX_BODY_BYTES + 1];

    // A publisher of unknown length makes the client send chunked, with no Content-Length.
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void bodyOfExactlyTheLimitIsAccepted() throws Exception {
    host.route(
        "POST", "/upload", request -> Response.text(200, Integer.toString(request.body().length)));
    host.start();

    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri("/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[HttpHost.MAX_BODY_BYTES]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Integer.toString(HttpHost.MAX_BODY_BYTES));
  }

  @Test
  void handlerFailureIsAGeneric500() throws Exception {
    host.route(
        "GET",
        "/boom",
        request -> {
          throw new IllegalStateException("db password is hunter2");
        });
    host.route("GET", "/null", request -> null);
    host.start();

    HttpResponse<String> boom = get("/boom");
    HttpResponse<String> nothing = get("/null");

    assertThat(boom.statusCode()).isEqualTo(500);
    assertThat(boom.body()).isEqualTo("Internal Server Error");
    assertThat(nothing.statusCode()).isEqualTo(500);
  }

  @Test
  void prefixRouteServesSubpathsAndExactRoutesWin() throws Exception {
    host.routePrefix("GET", "/console/", request -> Response.text(200, "static " + request.path()));
    host.routePrefix("GET", "/console/api/", request -> Response.text(200, "api"));
    host.route("GET", "/console/index.html", request -> Response.text(200, "index"));
    host.start();

    assertThat(get("/console/app.js").body()).isEqualTo("static /console/app.js");
    assertThat(get("/console/api/x").body()).isEqualTo("api");
    assertThat(get("/console/index.html").body()).isEqualTo("index");
    assertThat(observed)
        .extracting(Observed::route)
        .containsExactly("/console/*", "/console/api/*", "/console/index.html");
  }

  @Test
  void observerHearsRouteStatusAndLatency() throws Exception {
    host.route("GET", "/healthz", request -> Response.text(200, "ok"));
    host.start();

    get("/healthz");
    client.send(
        HttpRequest.newBuilder(uri("/healthz")).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(observed).hasSize(2);
    assertThat(observed.get(0))
        .extracting(Observed::route, Observed::status)
        .containsExactly("/healthz", 200);
    assertThat(observed.get(1))
        .extracting(Observed::route, Observed::status)
        .containsExactly("/healthz", 405);
    assertThat(observed).allSatisfy(o -> assertThat(o.nanos()).isPositive());
  }

  @Test
  void stopTurnsNewRequestsAwayAndLetsTheOneInFlightFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    host.route(
        "GET",
        "/slow",
        request -> {
          entered.countDown();
          proceed.await(5, TimeUnit.SECONDS);
          return Response.text(200, "done");
        });
    host.route("GET", "/fast", request -> Response.text(200, "fast"));
    host.start();
    int port = host.port();

    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> stopping =
        CompletableFuture.runAsync(() -> host.stop(Duration.ofSeconds(5)));
    assertThat(statusOnceDraining("/fast")).isEqualTo(503);
    assertThat(stopping).isNotDone();
    proceed.countDown();

    assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
    stopping.get(5, TimeUnit.SECONDS);
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void awaitingIdleReturnsAtOnceWhenNoRequestIsInFlight() throws Exception {
    host.route("GET", "/fast", request -> Response.text(200, "fast"));
    host.start();
    assertThat(get("/fast").statusCode()).isEqualTo(200);

    assertThat(host.awaitIdle(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void awaitingIdleWaitsForTheRequestInFlightToBeAnswered() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    host.route(
        "GET",
        "/slow",
        request -> {
          entered.countDown();
          proceed.await(5, TimeUnit.SECONDS);
          return Response.text(200, "done");
        });
    host.start();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> idle =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return host.awaitIdle(Duration.ofSeconds(10));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(idle).isNotDone();
    proceed.countDown();

    assertThat(idle.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
  }

  @Test
  void awaitingIdleGivesUpAfterItsBoundWhileARequestStaysInFlight() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch proceed = new CountDownLatch(1);
    host.route(
        "GET",
        "/slow",
        request -> {
          entered.countDown();
          proceed.await(10, TimeUnit.SECONDS);
          return Response.text(200, "done");
        });
    host.start();
    CompletableFuture<HttpResponse<String>> inFlight =
        client.sendAsync(
            HttpRequest.newBuilder(uri("/slow")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    try {
      assertThat(host.awaitIdle(Duration.ofMillis(50))).isFalse();
      assertThat(inFlight).isNotDone();
    } finally {
      proceed.countDown();
    }
    assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void aPathAndMethodCanBeRoutedOnlyOnce() {
    host.route("GET", "/healthz", request -> Response.text(200, "ok"));

    assertThatThrownBy(() -> host.route("get", "/healthz", request -> Response.text(200, "again")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> host.route("GET", "healthz", request -> Response.text(200, "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Polls until the stop has begun draining; returns the status a new request then gets. */
  private int statusOnceDraining(String path) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int status;
    do {
      status = get(path).statusCode();
    } while (status == 200 && System.nanoTime() < deadline);
    return status;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + host.port() + pathAndQuery);
  }
}
