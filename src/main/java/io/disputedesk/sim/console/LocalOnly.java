package io.disputedesk.sim.console;

import io.disputedesk.http.Handler;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Lets through only requests from the console's own page on this machine. The console acts as the
 * demo's approver, so a page on another site must not be able to post to it (its Origin is not
 * local), nor a site whose name resolves to 127.0.0.1 read or post through the browser (its Host is
 * not local); posts must carry a content type no cross-site form or simple request can send.
 */
final class LocalOnly {
  static final String JSON = "application/json";
  static final String BYTES = "application/octet-stream";
  private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  private final IntSupplier port;

  /**
   * @param port the console's bound port, read when a request arrives
   */
  LocalOnly(IntSupplier port) {
    this.port = port;
  }

  /** A page or a read: the Host must be this console. */
  Handler read(Handler handler) {
    return request ->
        hostIsLocal(request)
            ? handler.handle(request)
            : forbidden("this console answers only on localhost");
  }

  /**
   * A post: local Host, a local Origin when the browser sends one, and exactly {@code contentType}.
   */
  Handler post(String contentType, Handler handler) {
    return request -> {
      if (!hostIsLocal(request)) {
        return forbidden("this console answers only on localhost");
      }
      String origin = request.header("Origin");
      if (origin != null && !isLocal(origin.toLowerCase(Locale.ROOT), "http://")) {
        return forbidden("requests from other sites are refused");
      }
      if (!mediaType(request.header("Content-Type")).equals(contentType)) {
        return Response.json(
            415, "{\"ok\":false,\"error\":\"the body must be " + contentType + "\"}");
      }
      return handler.handle(request);
    };
  }

  private boolean hostIsLocal(Request request) {
    String host = request.header("Host");
    return host != null && isLocal(host.toLowerCase(Locale.ROOT), "");
  }

  /**
   * {@code value} is {@code prefix + name + ":" + port} with a local name and this console's port.
   */
  private boolean isLocal(String value, String prefix) {
    int p = port.getAsInt();
    for (String name : LOCAL_NAMES) {
      String local = prefix + name;
      if (value.equals(local + ":" + p) || (p == 80 && value.equals(local))) {
        return true;
      }
    }
    return false;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static Response forbidden(String why) {
    return Response.json(403, "{\"ok\":false,\"error\":\"" + why + "\"}");
  }
}
