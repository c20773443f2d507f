package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every schema change is written for both databases, so the versions of the two folders match. */
class MigrationFoldersTest {
  private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__\\w+\\.sql");

  @Test
  void sqliteAndPostgresqlFoldersHaveTheSameMigrationVersions() throws Exception {
    TreeSet<String> sqlite = versions("sqlite");
    TreeSet<String> postgresql = versions("postgresql");

    assertThat(sqlite).as("SQLite migrations").contains("1");
    assertThat(postgresql)
        .as("db/migration/postgresql needs a twin of every db/migration/sqlite version, and back")
        .isEqualTo(sqlite);
  }

  @Test
  void everyFileInTheFoldersIsAMigrationFlywayWillRun() throws Exception {
    for (String folder : List.of("sqlite", "postgresql")) {
      // Flyway silently skips a misnamed file; a typo must not drop a migration on one database.
      assertThat(files(folder)).as(folder).allSatisfy(name -> assertThat(name).matches(VERSIONED));
    }
  }

  private static TreeSet<String> versions(String folder) throws IOException, URISyntaxException {
    TreeSet<String> versions = new TreeSet<>();
    for (String name : files(folder)) {
      Matcher m = VERSIONED.matcher(name);
      if (m.matches()) {
        versions.add(m.group(1).replace('_', '.'));
      }
    }
    return versions;
  }

  private static List<String> files(String folder) throws IOException, URISyntaxException {
    URL url = MigrationFoldersTest.class.getResource("/db/migration/" + folder);
    assertThat(url).as("classpath folder db/migration/" + folder).isNotNull();
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
