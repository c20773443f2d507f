package io.disputedesk.store;

import java.util.Optional;

/** The database products we run on; the name is also the migration folder. */
enum Vendor {
  SQLITE("sqlite", "jdbc:sqlite:"),
  POSTGRESQL("postgresql", "jdbc:postgresql:");

  private final String folder;
  private final String urlPrefix;

  Vendor(String folder, String urlPrefix) {
    this.folder = folder;
    this.urlPrefix = urlPrefix;
  }

  String migrationLocation() {
    return "classpath:db/migration/" + folder;
  }

  String urlPrefix() {
    return urlPrefix;
  }

  static Optional<Vendor> of(String jdbcUrl) {
    for (Vendor v : values()) {
      if (jdbcUrl.regionMatches(true, 0, v.urlPrefix, 0, v.urlPrefix.length())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
