package io.disputedesk.slack.actions;

import com.slack.api.model.File;
import io.disputedesk.paypal.UploadFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Downloads the files a person attached in a modal ({@code url_private_download}, with the bot
 * token), over HTTPS and only from Slack's own hosts, enforcing PayPal's size limits while reading
 * and a deadline on the whole download, so a slow-dripping answer is abandoned. Plain HTTP is
 * allowed only to the Slack API's own address when that is a loopback one (a local Slack in tests
 * and the demo), so the token never crosses a network unencrypted.
 */
final class SlackFiles {
  /**
   * Where Slack serves private files; the bot token is sent nowhere else (besides the API host).
   */
  static final String SLACK_FILES_HOST = "files.slack.com";

  /** How long one file may take, from the request to the last byte. */
  static final Duration DOWNLOAD_DEADLINE = Duration.ofSeconds(60);

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");

  private final OkHttpClient http;
  private final String botToken;
  private final Set<String> httpsHosts;
  private final String loopbackApi;
  private final Duration deadline;

  /**
   * {@code httpsHosts} are the hosts the token may be sent to over HTTPS; {@code loopbackApi}, when
   * not null, the one {@code host:port} it may be sent to over plain HTTP. {@code http} is the
   * app's one client; redirects are not followed (the token goes to the allowed hosts only).
   */
  SlackFiles(
      OkHttpClient http,
      String botToken,
      Set<String> httpsHosts,
      String loopbackApi,
      Duration deadline) {
    this.http =
        Objects.requireNonNull(http, "http")
            .newBuilder()
            .followRedirects(false)
            .followSslRedirects(false)
            .build();
    this.botToken = Objects.requireNonNull(botToken, "botToken");
    this.httpsHosts = Set.copyOf(httpsHosts);
    this.loopbackApi = loopbackApi;
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  /**
   * Slack's file host and the Web API's host over HTTPS; the API's own address over HTTP only if
   * loopback.
   */
  static SlackFiles forApi(OkHttpClient http, String botToken, String apiUrl, Duration deadline) {
    URI api = apiUrl == null ? null : URI.create(apiUrl);
    String apiHost =
        api == null || api.getHost() == null ? null : api.getHost().toLowerCase(Locale.ROOT);
    Set<String> https =
        apiHost == null ? Set.of(SLACK_FILES_HOST) : Set.of(SLACK_FILES_HOST, apiHost);
    String loopback =
        apiHost != null && "http".equals(api.getScheme()) && isLoopback(apiHost)
            ? apiHost + ":" + port(api)
            : null;
    return new SlackFiles(http, botToken, https, loopback, deadline);
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost")
        || IPV4_LOOPBACK.matcher(host).matches()
        || host.equals("[::1]");
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
        throw new FetchException(
            "The files add up to 50 MB or more; PayPal takes under 50 MB.", null);
      }
      String type = Checks.fileType(f);
      out.add(new UploadFile(f.getName(), contentType(type), content));
    }
    return out;
  }

  private byte[] download(File f) {
    String name = f.getName() == null ? "a file" : f.getName();
    URI uri =
        allowed(f.getUrlPrivateDownload() != null ? f.getUrlPrivateDownload() : f.getUrlPrivate());
    if (uri == null) {
      throw new FetchException("I could not fetch " + name + " from Slack.", null);
    }
    Request request =
        new Request.Builder()
            .url(uri.toString())
            .header("Authorization", "Bearer " + botToken)
            .get()
            .build();
    Call call = http.newCall(request);
    // The whole call, last byte of the body included: a slow-dripping answer is abandoned.
    call.timeout().timeout(deadline.toMillis(), TimeUnit.MILLISECONDS);
    try (Response response = call.execute()) {
      if (response.code() != 200) {
        throw new FetchException(
            "Slack would not give me " + name + " (HTTP " + response.code() + ").", null);
      }
      return capped(response.body().source(), Checks.MAX_FILE_BYTES);
    } catch (TooLarge e) {
      throw new FetchException(name + " is 10 MB or more; PayPal takes files under 10 MB.", e);
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new FetchException("I could not fetch " + name + " from Slack.", e);
      }
      throw new FetchException("Slack took too long to send " + name + "; I gave up.", e);
    } catch (IOException e) {
      throw new FetchException("I could not fetch " + name + " from Slack.", e);
    }
  }

  /** The body read into memory; one of {@code limit} bytes or more is refused while reading. */
  private static byte[] capped(BufferedSource source, long limit) throws IOException {
    Buffer buffer = new Buffer();
    while (source.read(buffer, 8192) != -1) {
      if (buffer.size() >= limit) {
        throw new TooLarge();
      }
    }
    return buffer.readByteArray();
  }

  /** The body reached the size limit. */
  private static final class TooLarge extends IOException {
    TooLarge() {
      super("body at or over the size limit");
    }
  }

  /** The URL if the bot token may be sent there, else null. */
  private URI allowed(String url) {
    if (url == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      return null;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if ("https".equals(uri.getScheme())) {
      return httpsHosts.contains(host) ? uri : null;
    }
    return "http".equals(uri.getScheme()) && (host + ":" + port(uri)).equals(loopbackApi)
        ? uri
        : null;
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
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
