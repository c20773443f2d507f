package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFingerprintTest {
  private static final Map<String, String> FILES =
      Map.of(
          "V1__init.sql", "CREATE TABLE a (id INTEGER);\n",
          "V2__more.sql", "CREATE TABLE b (id INTEGER);\n");

  @TempDir Path dir;

  @Test
  void theSameFilesInAFolderAndInAJarHaveTheSameFingerprint() throws IOException {
    Path folder = folder("plain", FILES);
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("db/migration/x/"));
      for (Map.Entry<String, String> f : FILES.entrySet()) {
        out.putNextEntry(new JarEntry("db/migration/x/" + f.getKey()));
        out.write(f.getValue().getBytes());
      }
      out.putNextEntry(new JarEntry("db/migration/other/V3__elsewhere.sql"));
      out.write("CREATE TABLE c (id INTEGER);\n".getBytes());
    }

    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      Optional<String> fromJar = SchemaFingerprint.of("classpath:db/migration/x", loader);
      assertThat(fromJar).isPresent().isEqualTo(SchemaFingerprint.of("filesystem:" + folder, null));
    }
  }

  @Test
  void aChangedRenamedOrAddedFileChangesTheFingerprint() throws IOException {
    Optional<String> original =
        SchemaFingerprint.of("filesystem:" + folder("original", FILES), null);

    Optional<String> changed =
        SchemaFingerprint.of(
            "filesystem:"
                + folder(
                    "changed",
                    Map.of(
                        "V1__init.sql",
                        "CREATE TABLE a (id INTEGER); \n",
                        "V2__more.sql",
                        FILES.get("V2__more.sql"))),
            null);
    Optional<String> renamed =
        SchemaFingerprint.of(
            "filesystem:"
                + folder(
                    "renamed",
                    Map.of(
                        "V1__init.sql",
                        FILES.get("V1__init.sql"),
                        "V2_1__more.sql",
                        FILES.get("V2__more.sql"))),
            null);
    Path added = folder("added", FILES);
    Files.writeString(added.resolve("V3__later.sql"), "CREATE TABLE c (id INTEGER);\n");

    assertThat(original)
        .isPresent()
        .isEqualTo(SchemaFingerprint.of("filesystem:" + folder("same", FILES), null));
    assertThat(changed).isPresent().isNotEqualTo(original);
    assertThat(renamed).isPresent().isNotEqualTo(original);
    assertThat(SchemaFingerprint.of("filesystem:" + added, null))
        .isPresent()
        .isNotEqualTo(original);
  }

  @Test
  void aLocationThatCannotBeListedHasNoFingerprintSoFlywayRuns() {
    assertThat(SchemaFingerprint.of("filesystem:" + dir.resolve("missing"), null)).isEmpty();
    assertThat(SchemaFingerprint.of("classpath:db/migration/missing", getClass().getClassLoader()))
        .isEmpty();
    assertThat(SchemaFingerprint.of("s3:bucket/migrations", getClass().getClassLoader())).isEmpty();
  }

  @Test
  void theBundledMigrationsOfEachDatabaseHaveTheirOwnFingerprint() {
    ClassLoader loader = getClass().getClassLoader();
    Optional<String> sqlite = SchemaFingerprint.of(Vendor.SQLITE.migrationLocation(), loader);

    assertThat(sqlite).isPresent();
    assertThat(SchemaFingerprint.of(Vendor.POSTGRESQL.migrationLocation(), loader))
        .isPresent()
        .isNotEqualTo(sqlite);
  }

  private Path folder(String name, Map<String, String> files) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(folder.resolve(f.getKey()), f.getValue());
    }
    return folder;
  }
}
