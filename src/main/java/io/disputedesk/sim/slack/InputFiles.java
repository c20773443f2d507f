package io.disputedesk.sim.slack;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Files people attached in modals, served at {@code /files/<id>/<name>} to the bot token only. */
final class InputFiles {
  private record Stored(InputFile file, byte[] content) {}

  private final Map<String, Stored> files = new HashMap<>();
  private long sequence;

  synchronized InputFile add(
      String baseUrl, String user, String name, String mimetype, byte[] content) {
    String id = String.format("F%08XU", ++sequence);
    int dot = name.lastIndexOf('.');
    String filetype = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    String url =
        baseUrl + SlackHttpServer.FILES + id + "/" + name.replaceAll("[^A-Za-z0-9._-]", "_");
    InputFile file =
        new InputFile(id, name, mimetype, filetype, content.length, url, url + "?download=1", user);
    files.put(id, new Stored(file, content.clone()));
    return file;
  }

  /** The content of {@code /files/<id>/…}, if such a file exists. */
  synchronized Optional<byte[]> content(String path) {
    int slash = path.indexOf('/');
    Stored stored = files.get(slash < 0 ? path : path.substring(0, slash));
    return stored == null ? Optional.empty() : Optional.of(stored.content().clone());
  }
}
