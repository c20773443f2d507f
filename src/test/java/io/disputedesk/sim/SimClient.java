package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A plain java.net.http client for the simulator's tests: independent of the bot's PayPal client.
 */
final class SimClient {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** One file part of a multipart body. */
  record FilePart(String field, String filename, String contentType, byte[] content) {}

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String baseUrl;
  private String token;

  SimClient(PayPalSimulator sim) {
    this.baseUrl = sim.baseUrl();
  }

  /** Fetches a token with the default test credentials and uses it from now on. */
  SimClient authenticate() {
    HttpResponse<String> r = token("sim-client-id", "sim-client-secret");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token call failed: " + r.statusCode() + " " + r.body());
    }
    token = json(r).get("access_token").asText();
    return this;
  }

  HttpResponse<String> token(String id, String secret) {
    String basic =
        Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
  }

  String accessToken() {
    return token;
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(authorized(pathAndQuery).GET());
  }

  HttpResponse<String> postJson(String path, String body) {
    return send(
        authorized(path)
            .header("Content-Type", "application/json")
            .header("PayPal-Request-Id", java.util.UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> action(String disputeId, String action, String body) {
    return postJson("/v1/customer/disputes/" + disputeId + "/" + action, body);
  }

  HttpResponse<String> multipart(String disputeId, String action, String input, FilePart... files) {
    String boundary = "----simtest" + System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (input != null) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\"input\"\r\n"
                    + "Content-Type: application/json\r\n\r\n"
                    + input
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      for (FilePart f : files) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.field()
                    + "\"; filename=\""
                    + f.filename()
                    + "\"\r\nContent-Type: "
                    + f.contentType()
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.write(f.content());
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        authorized("/v1/customer/disputes/" + disputeId + "/" + action)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  HttpResponse<String> raw(
      String method, String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        authorized(path)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    return send(b);
  }

  HttpRequest.Builder authorized(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
            .timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + r.body(), e);
    }
  }

  /** The first {@code details[].issue} of a PayPal error body. */
  static String issue(HttpResponse<String> r) {
    return json(r).path("details").path(0).path("issue").asText();
  }
}
