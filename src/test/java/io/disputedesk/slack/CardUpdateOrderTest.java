package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Sleeper;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.EachDatabase;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.PayPalSamples;
import io.disputedesk.testing.ShiftableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * In the card update lane, an update for a change of a dispute goes ahead of redraws of other cards
 * (new order facts) queued shortly before it, so a burst of redraws does not hold up the cards of
 * disputes that changed; a card's own rows keep their order and a redraw is held back for at most
 * {@link OutboxLane#REDRAW_DELAY}.
 */
class CardUpdateOrderTest {
  private static final String CHANNEL = "C0DISPUTES";
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final ObjectMapper mapper = Json.newMapper();
  private LocalSlack slack;
  private Slack client;
  private Database db;
  private DisputeStore disputes;
  private CardStore cards;
  private OutboxStore outbox;
  private Notifier notifier;
  private OutboxSender sender;

  @BeforeEach
  void setUp(TestDatabase database) {
    slack = LocalSlack.start(LocalSlack.Settings.defaults().withClock(clock));
    slack.addChannel(CHANNEL, "disputes");
    client = SlackApps.newSlack(slack.apiUrl());
    db = database.open(clock);
    disputes = new DisputeStore(db, mapper);
    cards = new CardStore(db);
    outbox = new OutboxStore(db);
    notifier = new Notifier(outbox, mapper, CHANNEL, null);
    sender = sender(clock::advance);
  }

  private OutboxSender sender(Sleeper sleeper) {
    return new OutboxSender(
        db,
        outbox,
        cards,
        disputes,
        new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
        client.methods(slack.botToken()),
        mapper,
        clock,
        sleeper,
        SenderSettings.defaults());
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    client.close();
    slack.close();
  }

  /** Posts the disputes' cards (their CARD rows are updates from then on), pacing run out. */
  private void posted(List<String> ids) {
    for (String id : ids) {
      stored(id, "10.00");
      notifier.refreshCard(id, "posted");
    }
    sender.sendDue();
    clock.advance(Duration.ofSeconds(5));
    slack.clearCalls();
  }

  private void stored(String id, String amount) {
    Dispute d =
        PayPalSamples.dispute(
            "detail-inquiry-inr-waiting-seller.json",
            j -> {
              j.put("dispute_id", id).put("update_time", clock.instant().toString());
              j.putObject("dispute_amount").put("currency_code", "USD").put("value", amount);
            });
    disputes.upsert(d);
  }

  private List<String> claimUpdates(int limit) {
    return outbox.claimDue("w1", clock.instant(), LEASE, limit, OutboxLane.UPDATES).stream()
        .map(OutboxRow::dedupeKey)
        .toList();
  }

  @EachDatabase
  void anUpdateForAChangeIsClaimedAheadOfRedrawsOfOtherCardsQueuedBeforeIt() {
    posted(List.of("PP-D-1", "PP-D-2", "PP-D-3"));
    notifier.redrawCards("PP-D-2", "order:1");
    notifier.redrawCards("PP-D-3", "order:1");
    clock.advance(Duration.ofMillis(300));
    notifier.refreshCard("PP-D-1", "changed");

    assertThat(claimUpdates(1)).containsExactly("card:PP-D-1:changed");
    assertThat(claimUpdates(10)).containsExactly("card:PP-D-2:order:1", "card:PP-D-3:order:1");
  }

  @EachDatabase
  void aBatchSendsTheChangeBeforeTheRedrawsItHolds() {
    posted(List.of("PP-D-1", "PP-D-2", "PP-D-3"));
    notifier.redrawCards("PP-D-2", "order:1");
    notifier.redrawCards("PP-D-3", "order:1");
    notifier.refreshCard("PP-D-1", "changed");

    assertThat(claimUpdates(10))
        .containsExactly("card:PP-D-1:changed", "card:PP-D-2:order:1", "card:PP-D-3:order:1");
  }

  @EachDatabase
  void aRedrawOfACardWithAChangePendingGoesFirstAndIsSupersededByIt() {
    posted(List.of("PP-D-1", "PP-D-2"));
    notifier.redrawCards("PP-D-2", "order:1");
    notifier.redrawCards("PP-D-1", "order:1");
    notifier.refreshCard("PP-D-1", "changed");

    assertThat(claimUpdates(1))
        .as("the card's redraw is not held back behind its own change")
        .containsExactly("card:PP-D-1:order:1");
    outbox.release("w1");
    assertThat(claimUpdates(2)).containsExactly("card:PP-D-1:changed");
    assertThat(outbox.inState(OutboxRow.SENT))
        .filteredOn(r -> OutboxClaims.SUPERSEDED.equals(r.lastError()))
        .extracting(OutboxRow::dedupeKey)
        .containsExactly("card:PP-D-1:order:1");
  }

  @EachDatabase
  void aRedrawIsHeldBackAtMostTheRedrawDelay() {
    posted(List.of("PP-D-1", "PP-D-2"));
    notifier.redrawCards("PP-D-2", "order:1");
    clock.advance(OutboxLane.REDRAW_DELAY.plusMillis(1));
    notifier.refreshCard("PP-D-1", "changed");

    assertThat(claimUpdates(1)).containsExactly("card:PP-D-2:order:1");
  }

  @EachDatabase
  void theSenderUpdatesTheChangedCardBeforeRedrawingOthers() throws Exception {
    List<String> ids = List.of("PP-D-1", "PP-D-2", "PP-D-3", "PP-D-4", "PP-D-5");
    posted(ids);
    for (String id : ids.subList(1, ids.size())) {
      notifier.redrawCards(id, "order:1");
    }
    stored("PP-D-1", "20.00");
    notifier.refreshCard("PP-D-1", "changed");
    String ts = cards.find("PP-D-1", CHANNEL).orElseThrow().ts();

    sender.start();
    Await.until(
        "every card update sent",
        () -> slack.calls("chat.update").size() == ids.size(),
        Duration.ofSeconds(30));
    sender.stop(Duration.ofSeconds(5));

    List<ApiCall> updates = slack.calls("chat.update");
    assertThat(updates.get(0).param("ts")).isEqualTo(ts);
    assertThat(updates.get(0).param("blocks")).contains("20.00 USD");
    assertThat(outbox.pendingCount()).isZero();
  }

  @EachDatabase
  void aChangeQueuedWhileRedrawsAreBeingSentGoesOutBeforeTheRestOfThem() throws Exception {
    List<String> ids = List.of("PP-D-1", "PP-D-2", "PP-D-3", "PP-D-4", "PP-D-5", "PP-D-6");
    posted(ids);
    for (String id : ids.subList(1, ids.size())) {
      notifier.redrawCards(id, "order:1");
    }
    String ts = cards.find("PP-D-1", CHANNEL).orElseThrow().ts();
    AtomicBoolean changed = new AtomicBoolean();
    AtomicReference<OutboxSender> running = new AtomicReference<>();
    // The first pacing wait is the second redraw's, after the first went out: the change comes
    // then.
    Sleeper changeWhileWaiting =
        d -> {
          clock.advance(d);
          if (changed.compareAndSet(false, true)) {
            stored("PP-D-1", "20.00");
            notifier.refreshCard("PP-D-1", "changed");
            running.get().wakeUp();
          }
        };
    OutboxSender background = sender(changeWhileWaiting);
    running.set(background);

    background.start();
    Await.until(
        "every card update sent",
        () -> slack.calls("chat.update").size() == ids.size(),
        Duration.ofSeconds(30));
    background.stop(Duration.ofSeconds(5));

    List<ApiCall> updates = slack.calls("chat.update");
    assertThat(updates).extracting(c -> c.param("ts")).hasSize(ids.size());
    assertThat(updates.stream().map(c -> c.param("ts")).toList().indexOf(ts))
        .as("after the redraw sent and the one waiting for its slot, not after all five")
        .isEqualTo(2);
    assertThat(updates.get(2).param("blocks")).contains("20.00 USD");
    assertThat(updates).extracting(c -> c.param("ts")).doesNotHaveDuplicates();
    assertThat(outbox.pendingCount()).isZero();
  }
}
