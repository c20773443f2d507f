package io.disputedesk.sim.console;

import io.disputedesk.http.Handler;
import io.disputedesk.http.Request;
import io.disputedesk.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/** Serves the console's page, script and style sheet from {@code console/} on the class path. */
final class StaticAssets implements Handler {
  static final String PREFIX = "/console/static/";

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css|svg)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");

  private final String fixedName;

  private StaticAssets(String fixedName) {
    this.fixedName = fixedName;
  }

  /** Serves the file named by the path after {@link #PREFIX}. */
  static StaticAssets byPath() {
    return new StaticAssets(null);
  }

  /** Serves one file whatever the path (the page at {@code /}). */
  static StaticAssets file(String name) {
    return new StaticAssets(name);
  }

  @Override
  public Response handle(Request request) throws IOException {
    String name = fixedName != null ? fixedName : request.path().substring(PREFIX.length());
    if (!NAME.matcher(name).matches()) {
      return Response.text(404, "not found");
    }
    byte[] bytes;
    try (InputStream in = StaticAssets.class.getResourceAsStream("/console/" + name)) {
      if (in == null) {
        return Response.text(404, "not found");
      }
      bytes = in.readAllBytes();
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    return Response.of(200, type, bytes)
        .withHeader("Cache-Control", "no-cache")
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
  }
}
