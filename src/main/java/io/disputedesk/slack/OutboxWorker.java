package io.disputedesk.slack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.UUID;

/**
 * Who claims outbox rows. The only sender on a database (SQLite: one process) keeps one id across
 * restarts, so a restart takes back its own claims and settles every half-sent row at once. Each
 * replica on a shared PostgreSQL database has an id of its own and settles only rows whose lease
 * has run out, since a fresh SENDING row may be another replica's send still in flight.
 *
 * @param onlySender true when no other sender can be working on the same database
 */
public record OutboxWorker(String id, boolean onlySender) {
  public OutboxWorker {
    Objects.requireNonNull(id, "id");
  }

  public static OutboxWorker single() {
    return new OutboxWorker(OutboxSender.WORKER, true);
  }

  /** A replica's sender: host name plus a random part, unique per process. */
  public static OutboxWorker replica() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "replica";
    }
    return new OutboxWorker(
        "outbox-" + host + "-" + UUID.randomUUID().toString().substring(0, 8), false);
  }
}
