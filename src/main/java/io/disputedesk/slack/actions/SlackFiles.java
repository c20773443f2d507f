package io.disputedesk.slack.actions;

import com.slack.api.model.File;
import io.disputedesk.paypal.UploadFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Downloads the files a person attached in a modal ({@code url_private_download}, with the bot
 * token), only from Slack's own hosts, enforcing PayPal's size limits while reading.
 */
final class SlackFiles {
  private final HttpClient http;
  private final String botToken;
  private final Set<String> hosts;

  /** {@code hosts} are the only hosts the token is sent to (Slack's file host, or a local fake). */
  SlackFiles(HttpClient http, String botToken, Set<String> hosts) {
    this.http = http;
    this.botToken = botToken;
    this.hosts = Set.copyOf(hosts);
  }

  /** A file that could not be fetched; the message is for the person who attached it. */
  static final class FetchException extends RuntimeException {
    FetchException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  List<UploadFile> fetch(List<File> files) {
    List<UploadFile> out = new ArrayList<>();
    long total = 0;
    for (File f : files) {
      byte[] content = download(f);
      total += content.length;
      if (total >= Checks.MAX_TOTAL_BYTES) {
        throw new FetchException("The files add up to 50 MB or more; PayPal takes under 50 MB.", null);
      }
      String type = Checks.fileType(f);
      out.add(new UploadFile(f.getName(), contentType(type), content));
    }
    return out;
  }

  private byte[] download(File f) {
    String name = f.getName() == null ? "a file" : f.getName();
    String url = f.getUrlPrivateDownload() != null ? f.getUrlPrivateDownload() : f.getUrlPrivate();
    URI uri = url == null ? null : URI.create(url);
    if (uri == null || uri.getHost() == null || !hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      throw new FetchException("I could not fetch " + name + " from Slack.", null);
    }
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + botToken)
        .GET()
        .build();
    try {
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new FetchException("Slack would not give me " + name + " (HTTP " + response.statusCode() + ").", null);
        }
        byte[] content = in.readNBytes((int) Checks.MAX_FILE_BYTES);
        if (content.length >= Checks.MAX_FILE_BYTES) {
          throw new FetchException(name + " is 10 MB or more; PayPal takes files under 10 MB.", null);
        }
        return content;
      }
    } catch (IOException e) {
      throw new FetchException("I could not fetch " + name + " from Slack.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("I could not fetch " + name + " from Slack.", e);
    }
  }

  static String contentType(String fileType) {
    return switch (fileType) {
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "png" -> "image/png";
      case "pdf" -> "application/pdf";
      default -> "application/octet-stream";
    };
  }
}
