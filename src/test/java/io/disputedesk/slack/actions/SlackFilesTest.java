package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.model.File;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attachments are fetched over HTTPS from Slack only (plain HTTP only from a loopback API), within
 * a deadline and a size limit.
 */
class SlackFilesTest {
  private static final String TOKEN = "xoxb-files-test";

  private HttpServer server;
  private String base;
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch stopDripping = new CountDownLatch(1);
  private final OkHttpClient http =
      new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/files/ok.pdf", ex -> answer(ex, "%PDF-1.4 ok".getBytes(StandardCharsets.US_ASCII)));
    server.createContext("/files/big.pdf", ex -> answer(ex, new byte[(int) Checks.MAX_FILE_BYTES]));
    server.createContext("/files/drip.pdf", this::drip);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    stopDripping.countDown();
    server.stop(0);
  }

  private void answer(HttpExchange ex, byte[] body) throws IOException {
    requests.incrementAndGet();
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Headers at once, then one byte now and then: the body never ends within any sane time. */
  private void drip(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    ex.sendResponseHeaders(200, 1_000_000);
    try (OutputStream out = ex.getResponseBody()) {
      while (!stopDripping.await(200, TimeUnit.MILLISECONDS)) {
        out.write('x');
        out.flush();
      }
    } catch (InterruptedException | IOException e) {
      // The client gave up or the test ended.
    }
  }

  private SlackFiles files(String apiUrl, Duration deadline) {
    return SlackFiles.forApi(http, TOKEN, apiUrl, deadline);
  }

  private static File file(String name, String url) {
    File f = new File();
    f.setName(name);
    f.setFiletype("pdf");
    f.setUrlPrivate(url);
    f.setUrlPrivateDownload(url);
    return f;
  }

  @Test
  void aFileFromTheLoopbackApiOfALocalSlackIsFetched() {
    var fetched =
        files(base + "/api/", Duration.ofSeconds(5))
            .fetch(List.of(file("ok.pdf", base + "/files/ok.pdf")));

    assertThat(fetched)
        .singleElement()
        .satisfies(
            f ->
                assertThat(new String(f.content(), StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-1.4 ok"));
  }

  @Test
  void plainHttpIsRefusedUnlessItIsTheLoopbackApisOwnAddress() {
    SlackFiles realSlack = files("https://slack.com/api/", Duration.ofSeconds(5));
    SlackFiles otherPort = files("http://127.0.0.1:1/api/", Duration.ofSeconds(5));

    assertThatThrownBy(
            () -> realSlack.fetch(List.of(file("a.pdf", "http://files.slack.com/files/ok.pdf"))))
        .isInstanceOf(SlackFiles.FetchException.class)
        .hasMessage("I could not fetch a.pdf from Slack.");
    assertThatThrownBy(() -> realSlack.fetch(List.of(file("b.pdf", base + "/files/ok.pdf"))))
        .isInstanceOf(SlackFiles.FetchException.class);
    assertThatThrownBy(() -> otherPort.fetch(List.of(file("c.pdf", base + "/files/ok.pdf"))))
        .isInstanceOf(SlackFiles.FetchException.class);
    assertThatThrownBy(
            () -> realSlack.fetch(List.of(file("d.pdf", "https://evil.example/files/ok.pdf"))))
        .isInstanceOf(SlackFiles.FetchException.class);

    files(base + "/api/", Duration.ofSeconds(5))
        .fetch(List.of(file("ok.pdf", base + "/files/ok.pdf")));
    assertThat(requests).as("only the allowed fetch reached a server").hasValue(1);
  }

  @Test
  @Timeout(20)
  void aSlowDrippingDownloadIsAbandonedAtTheDeadline() {
    SlackFiles files = files(base + "/api/", Duration.ofMillis(800));

    assertThatThrownBy(() -> files.fetch(List.of(file("drip.pdf", base + "/files/drip.pdf"))))
        .isInstanceOf(SlackFiles.FetchException.class)
        .hasMessage("Slack took too long to send drip.pdf; I gave up.");
    assertThat(requests).hasValue(1);
  }

  @Test
  void aFileOfTenMegabytesOrMoreIsRefusedWhileReading() {
    assertThatThrownBy(
            () ->
                files(base + "/api/", Duration.ofSeconds(20))
                    .fetch(List.of(file("big.pdf", base + "/files/big.pdf"))))
        .isInstanceOf(SlackFiles.FetchException.class)
        .hasMessage("big.pdf is 10 MB or more; PayPal takes files under 10 MB.");
  }
}
