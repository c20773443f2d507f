package io.disputedesk.store;

import java.time.Instant;

/** Remembers inbound deliveries (webhook ids, Slack retries) so each is handled once. */
public final class InboundDedupe {
  private final Database db;

  public InboundDedupe(Database db) {
    this.db = db;
  }

  /** True for the first caller to report this (source, key); false for every repeat. */
  public boolean firstTime(String source, String key) {
    Instant now = db.clock().instant();
    return db.updateOne(
        "INSERT INTO inbound_seen (source, key, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        ps -> {
          ps.setString(1, source);
          ps.setString(2, key);
          Jdbc.setInstant(ps, 3, now);
        });
  }

  /** Forgets deliveries first seen before the given time; returns how many. */
  public int prune(Instant olderThan) {
    return db.update(
        "DELETE FROM inbound_seen WHERE seen_at < ?", ps -> Jdbc.setInstant(ps, 1, olderThan));
  }
}
