package io.disputedesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A SHA-256 of the names and contents of every file in a migration location ({@code classpath:} or
 * {@code filesystem:}), read straight from the folder or jar, without Flyway. Empty when the
 * location cannot be listed that way (then Flyway always runs).
 */
final class SchemaFingerprint {
  private static final String CLASSPATH = "classpath:";
  private static final String FILESYSTEM = "filesystem:";

  /** Changes when what the fingerprint covers changes. */
  private static final String SCHEME = "dispute-desk migrations v1";

  private SchemaFingerprint() {}

  static Optional<String> of(String location, ClassLoader loader) {
    try {
      Optional<Map<String, byte[]>> files =
          location.startsWith(CLASSPATH)
              ? classpathFiles(location.substring(CLASSPATH.length()), loader)
              : location.startsWith(FILESYSTEM)
                  ? folderFiles(Path.of(location.substring(FILESYSTEM.length())))
                  : Optional.empty();
      return files.filter(f -> !f.isEmpty()).map(SchemaFingerprint::digest);
    } catch (IOException | UncheckedIOException | URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String digest(Map<String, byte[]> files) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    sha.update(SCHEME.getBytes(StandardCharsets.UTF_8));
    files.forEach(
        (name, content) -> {
          // Name and length first, so no two different sets of files run together into the same
          // bytes.
          sha.update(("\n" + name + "\n" + content.length + "\n").getBytes(StandardCharsets.UTF_8));
          sha.update(content);
        });
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Every file under the folder in every classpath root that has it, by path within the folder. */
  private static Optional<Map<String, byte[]>> classpathFiles(String folder, ClassLoader loader)
      throws IOException, URISyntaxException {
    String prefix = folder.endsWith("/") ? folder : folder + "/";
    Map<String, byte[]> files = new TreeMap<>();
    Enumeration<URL> roots = loader.getResources(prefix.substring(0, prefix.length() - 1));
    while (roots.hasMoreElements()) {
      URL root = roots.nextElement();
      Optional<Map<String, byte[]>> found =
          switch (root.getProtocol()) {
            case "file" -> folderFiles(Path.of(root.toURI()));
            case "jar" -> jarFiles(root, prefix);
            default -> Optional.empty();
          };
      if (found.isEmpty()) {
        return Optional.empty();
      }
      for (Map.Entry<String, byte[]> file : found.get().entrySet()) {
        if (files.putIfAbsent(file.getKey(), file.getValue()) != null) {
          // The same path in two classpath roots: left to Flyway to judge.
          return Optional.empty();
        }
      }
    }
    return Optional.of(files);
  }

  private static Optional<Map<String, byte[]>> folderFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return Optional.of(files);
  }

  private static Optional<Map<String, byte[]>> jarFiles(URL root, String prefix)
      throws IOException {
    if (!(root.openConnection() instanceof JarURLConnection connection)) {
      return Optional.empty();
    }
    // A copy of our own, closed here (a cached one would stay open for the life of the JVM).
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      Map<String, byte[]> files = new TreeMap<>();
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
          }
        }
      }
      return Optional.of(files);
    }
  }
}
