package io.disputedesk.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Drafts on SQLite and PostgreSQL: saved, edited only while drafts, claimed for sending exactly
 * once.
 */
class EvidenceDraftStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private final ShiftableClock clock = new ShiftableClock(START);
  private Database db;
  private EvidenceDraftStore store;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    store = new EvidenceDraftStore(db, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void aDraftIsEditedThenClaimedOnceAndThenNeitherEditedNorClaimedAgain() {
    long id = store.create("PP-D-1", "{\"v\":1}", "Proof of fulfillment", "U1");
    clock.advance(Duration.ofMinutes(5));
    assertThat(store.update(id, "{\"v\":2}", "Proof of fulfillment, UPS", "U2")).isTrue();

    EvidenceDraft edited = store.find(id).orElseThrow();
    assertThat(edited.formJson()).isEqualTo("{\"v\":2}");
    assertThat(edited.author()).isEqualTo("U1");
    assertThat(edited.updatedBy()).isEqualTo("U2");
    assertThat(edited.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    assertThat(store.unsent()).isEqualTo(Map.of("PP-D-1", 1));

    assertThat(store.claim(id, "U3")).isTrue();
    assertThat(store.claim(id, "U4")).isFalse();
    assertThat(store.update(id, "{\"v\":3}", "late edit", "U1")).isFalse();
    assertThat(store.overtake(id)).isFalse();
    EvidenceDraft sending = store.find(id).orElseThrow();
    assertThat(sending.status()).isEqualTo(EvidenceDraft.Status.SENDING);
    assertThat(sending.sentBy()).isEqualTo("U3");
    assertThat(sending.formJson()).isEqualTo("{\"v\":2}");
    assertThat(store.unsent()).isEmpty();

    // PayPal refused it: a draft again, claimable once more; reopening twice does nothing.
    assertThat(store.reopen(id)).isTrue();
    assertThat(store.reopen(id)).isFalse();
    assertThat(store.find(id).orElseThrow().sentBy()).isNull();
    assertThat(store.claim(id, "U4")).isTrue();

    // PayPal accepted it: sent for good, never a draft again nor claimed, edited or overtaken.
    assertThat(store.sent(id)).isTrue();
    assertThat(store.sent(id)).isFalse();
    assertThat(store.reopen(id)).isFalse();
    assertThat(store.claim(id, "U5")).isFalse();
    assertThat(store.update(id, "{\"v\":3}", "late edit", "U1")).isFalse();
    assertThat(store.overtake(id)).isFalse();
    EvidenceDraft sent = store.find(id).orElseThrow();
    assertThat(sent.status()).isEqualTo(EvidenceDraft.Status.SENT);
    assertThat(sent.sentBy()).isEqualTo("U4");
    assertThat(sent.formJson()).isEqualTo("{\"v\":2}");
    assertThat(store.unsent()).isEmpty();
  }

  @EachDatabase
  void aDraftNotClaimedCannotBeRecordedSent() {
    long id = store.create("PP-D-1", "{}", "a", "U1");
    assertThat(store.sent(id)).isFalse();
    assertThat(store.overtake(id)).isTrue();
    assertThat(store.sent(id)).isFalse();
    assertThat(store.find(id).orElseThrow().status()).isEqualTo(EvidenceDraft.Status.OVERTAKEN);
  }

  @EachDatabase
  void anOvertakenDraftIsNoLongerUnsentAndCannotBeClaimed() {
    long first = store.create("PP-D-1", "{}", "a", "U1");
    store.create("PP-D-1", "{}", "b", "U1");
    store.create("PP-D-2", "{}", "c", "U2");
    assertThat(store.unsent()).isEqualTo(Map.of("PP-D-1", 2, "PP-D-2", 1));

    assertThat(store.overtake(first)).isTrue();
    assertThat(store.claim(first, "U1")).isFalse();
    assertThat(store.find(first).orElseThrow().status()).isEqualTo(EvidenceDraft.Status.OVERTAKEN);
    assertThat(store.unsent()).isEqualTo(Map.of("PP-D-1", 1, "PP-D-2", 1));
  }
}
