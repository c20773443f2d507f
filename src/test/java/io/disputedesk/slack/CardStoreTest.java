package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.Fixtures;
import io.disputedesk.json.Json;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class CardStoreTest {
  private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  private static final Instant V1 = Instant.parse("2026-11-16T04:19:08Z");
  private static final Instant V2 = Instant.parse("2026-11-17T00:00:00Z");

  private final ShiftableClock clock = new ShiftableClock(START);
  private Database db;
  private CardStore cards;

  @BeforeEach
  void open(TestDatabase database) {
    db = database.open(clock);
    new DisputeStore(db, Json.newMapper()).upsert(Fixtures.dispute(Fixtures.WAITING_SELLER));
    cards = new CardStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @EachDatabase
  void aSavedCardIsFound() {
    assertThat(cards.find("PP-D-4012")).isEmpty();

    cards.save("PP-D-4012", "C1", "1700000000.000100", V1);

    assertThat(cards.find("PP-D-4012"))
        .contains(new Card("PP-D-4012", "C1", "1700000000.000100", V1, START));
  }

  @EachDatabase
  void renderedStateNeverMovesBackwards() {
    cards.save("PP-D-4012", "C1", "1.1", V1);
    clock.advance(Duration.ofMinutes(1));

    assertThat(cards.updateRendered("PP-D-4012", V2)).isTrue();
    assertThat(cards.updateRendered("PP-D-4012", V1)).isFalse();
    assertThat(cards.updateRendered("PP-D-4012", V2)).isTrue();
    assertThat(cards.updateRendered("NO-CARD", V2)).isFalse();

    assertThat(cards.find("PP-D-4012")).get().extracting(Card::renderedUpdate).isEqualTo(V2);
  }

  @EachDatabase
  void aRepostedCardKeepsItsChannelWithTheNewTs() {
    cards.save("PP-D-4012", "C1", "1.1", V1);

    assertThat(cards.replaceTs("PP-D-4012", "2.2")).isTrue();
    assertThat(cards.replaceTs("NO-CARD", "3.3")).isFalse();

    assertThat(cards.find("PP-D-4012"))
        .get()
        .extracting(Card::channel, Card::ts, Card::renderedUpdate)
        .containsExactly("C1", "2.2", V1);
  }
}
