package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console acts as the demo's approver, so only its own page on this machine may use it: other
 * sites (Origin), other host names (DNS rebinding) and simple cross-site content types are refused.
 */
class ConsoleLocalOnlyTest {
  private final ConsoleRig rig = new ConsoleRig(Duration.ofSeconds(5));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void aClickPostedFromAnotherSiteIsRefusedAndReachesNoBot() throws Exception {
    HttpResponse<String> crossSite =
        post("/console/api/action", "application/json", refreshClick(), "https://attacker.example");
    HttpResponse<String> otherLocalPort =
        post("/console/api/action", "application/json", refreshClick(), "http://localhost:1");
    HttpResponse<String> opaque =
        post("/console/api/action", "application/json", refreshClick(), "null");
    HttpResponse<String> ownPage =
        post(
            "/console/api/action",
            "application/json",
            refreshClick(),
            "http://localhost:" + rig.consoleHost.port());

    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(crossSite.body()).contains("other sites");
    assertThat(otherLocalPort.statusCode()).isEqualTo(403);
    assertThat(opaque.statusCode()).isEqualTo(403);
    assertThat(ownPage.statusCode()).isEqualTo(200);
    // Only the click from the console's own page reached the bot.
    assertThat(rig.bot.actions).containsExactly(OfferBot.REFRESH);
  }

  @Test
  void everyLocalSpellingOfTheConsoleIsAccepted() throws Exception {
    int port = rig.consoleHost.port();
    for (String origin :
        new String[] {
          "http://localhost:" + port, "http://127.0.0.1:" + port, "http://[::1]:" + port
        }) {
      assertThat(
              post("/console/api/action", "application/json", refreshClick(), origin).statusCode())
          .as(origin)
          .isEqualTo(200);
    }
    assertThat(rig.bot.actions).hasSize(3);
  }

  @Test
  void postsThatAnySiteCouldSendWithoutAPreflightAreRefused() throws Exception {
    HttpResponse<String> textPlain =
        post("/console/api/action", "text/plain", refreshClick(), null);
    HttpResponse<String> form =
        post(
            "/console/api/command",
            "application/x-www-form-urlencoded",
            "{\"text\":\"help\"}",
            null);
    HttpResponse<String> attachAsForm =
        post(
            "/console/api/attach?name=x.txt&type=text/plain",
            "multipart/form-data; boundary=x",
            "hello",
            null);
    HttpResponse<String> json =
        post("/console/api/action", "application/json; charset=utf-8", refreshClick(), null);
    HttpResponse<String> attach =
        post(
            "/console/api/attach?name=x.txt&type=text/plain",
            "application/octet-stream",
            "hello",
            null);

    assertThat(textPlain.statusCode()).isEqualTo(415);
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(attachAsForm.statusCode()).isEqualTo(415);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(attach.statusCode()).isEqualTo(200);
    assertThat(attach.body()).contains("\"name\":\"x.txt\"");
    assertThat(rig.bot.actions).containsExactly(OfferBot.REFRESH);
  }

  @Test
  void aForeignHostNameIsRefusedEvenFromThisMachine() throws Exception {
    // A DNS-rebinding page reaches 127.0.0.1 under its own name: the Host header gives it away.
    String refreshed = refreshClick();
    assertThat(
            statusLine(
                "GET / HTTP/1.1\r\nHost: attacker.example:"
                    + rig.consoleHost.port()
                    + "\r\n"
                    + "Connection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 403 ");
    assertThat(
            statusLine(
                "GET /console/api/state?since=-1 HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "Connection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 403 ");
    assertThat(
            statusLine(
                "POST /console/api/action HTTP/1.1\r\nHost: attacker.example:"
                    + rig.consoleHost.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + refreshed.getBytes(StandardCharsets.UTF_8).length
                    + "\r\nConnection: close\r\n\r\n"
                    + refreshed))
        .startsWith("HTTP/1.1 403 ");
    assertThat(
            statusLine(
                "GET / HTTP/1.1\r\nHost: localhost:"
                    + rig.consoleHost.port()
                    + "\r\n"
                    + "Connection: close\r\n\r\n"))
        .startsWith("HTTP/1.1 200 ");
    assertThat(rig.bot.actions).isEmpty();
  }

  private String refreshClick() {
    return """
        {"where":"message","channel":"C0A1B2C3F","ts":"%s","action":{"type":"button","action_id":"%s",
         "block_id":"act","value":"PP-D-1","text":{"type":"plain_text","text":"x"}},"state":{}}
        """
        .formatted(rig.bot.cardTs, OfferBot.REFRESH);
  }

  private HttpResponse<String> post(String path, String contentType, String body, String origin)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(rig.consoleUrl() + path.substring(1)))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw HTTP (the JDK client will not set Host) and returns the status line. */
  private String statusLine(String raw) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), rig.consoleHost.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
