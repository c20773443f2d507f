package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.Pause;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Card updates have their own lane in the outbox: they never wait behind thread replies (which
 * Slack lets out one a second per channel), a card's pending updates go out as one showing its
 * latest state, and an update never overtakes the card's first post.
 */
class CardUpdateLaneTest {
  private static final String CHANNEL = "C0DISPUTES";
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";
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
    sender =
        new OutboxSender(
            db,
            outbox,
            cards,
            disputes,
            new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
            client.methods(slack.botToken()),
            mapper,
            clock,
            clock::advance,
            SenderSettings.defaults());
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    client.close();
    slack.close();
  }

  private Dispute stored(String id, String updateTime, String amount) {
    Dispute d =
        PayPalSamples.dispute(
            INR,
            j -> {
              j.put("dispute_id", id).put("update_time", updateTime);
              j.putObject("dispute_amount").put("currency_code", "USD").put("value", amount);
            });
    disputes.upsert(d);
    return d;
  }

  /** Posts the dispute's card and lets the channel's pacing run out. */
  private String posted(String id) {
    stored(id, "2026-11-20T10:00:00Z", "10.00");
    notifier.refreshCard(id, "posted");
    sender.sendDue();
    clock.advance(Duration.ofSeconds(5));
    return cards.find(id, CHANNEL).orElseThrow().ts();
  }

  private static List<String> keys(List<OutboxRow> rows) {
    return rows.stream().map(OutboxRow::dedupeKey).toList();
  }

  @EachDatabase
  void pendingUpdatesOfACardGoOutAsOneShowingItsLatestState() {
    String ts = posted("PP-D-1");
    for (int i = 1; i <= 3; i++) {
      stored("PP-D-1", "2026-11-21T10:00:0" + i + "Z", "1" + i + ".00");
      notifier.refreshCard("PP-D-1", "u" + i);
    }

    sender.sendDue();

    assertThat(slack.calls("chat.update"))
        .singleElement()
        .satisfies(
            update -> {
              assertThat(update.param("ts")).isEqualTo(ts);
              assertThat(update.param("blocks")).contains("13.00 USD").doesNotContain("11.00 USD");
            });
    assertThat(outbox.pendingCount()).isZero();
    assertThat(outbox.inState(OutboxRow.SENT))
        .filteredOn(r -> OutboxClaims.SUPERSEDED.equals(r.lastError()))
        .extracting(OutboxRow::dedupeKey)
        .containsExactly("card:PP-D-1:u1", "card:PP-D-1:u2");
    assertThat(cards.find("PP-D-1").orElseThrow().renderedUpdate())
        .isEqualTo(Instant.parse("2026-11-21T10:00:03Z"));
  }

  @EachDatabase
  void aCardUpdateIsClaimedAheadOfThreadRepliesQueuedBeforeIt() {
    posted("PP-D-1");
    posted("PP-D-2");
    notifier.threadReply("PP-D-2", "other", SlackPost.text("Another dispute's reply"));
    notifier.threadReply("PP-D-1", "own", SlackPost.text("Its own earlier reply"));
    notifier.refreshCard("PP-D-1", "changed");

    assertThat(keys(outbox.claimDue("w1", clock.instant(), LEASE, 10, OutboxLane.UPDATES)))
        .containsExactly("card:PP-D-1:changed");
    assertThat(keys(outbox.claimDue("w2", clock.instant(), LEASE, 10, OutboxLane.POSTS)))
        .containsExactly("thread:PP-D-2:other", "thread:PP-D-1:own");
  }

  @EachDatabase
  void aThreadReplyStillWaitsForTheCardUpdateQueuedBeforeIt() {
    posted("PP-D-1");
    notifier.refreshCard("PP-D-1", "changed");
    notifier.threadReply("PP-D-1", "after", SlackPost.text("Status changed"));

    assertThat(outbox.claimDue("w1", clock.instant(), LEASE, 10, OutboxLane.POSTS)).isEmpty();
    List<OutboxRow> update = outbox.claimDue("w1", clock.instant(), LEASE, 10, OutboxLane.UPDATES);
    assertThat(keys(update)).containsExactly("card:PP-D-1:changed");
    outbox.markSending(update.get(0).id());
    assertThat(outbox.claimDue("w1", clock.instant(), LEASE, 10, OutboxLane.POSTS)).isEmpty();
    outbox.markSent(update.get(0).id(), "ts", clock.instant());

    assertThat(keys(outbox.claimDue("w1", clock.instant(), LEASE, 10, OutboxLane.POSTS)))
        .containsExactly("thread:PP-D-1:after");
  }

  @EachDatabase
  void anUpdateNeverOvertakesItsCardsFirstPost() {
    stored("PP-D-1", "2026-11-20T10:00:00Z", "10.00");
    notifier.refreshCard("PP-D-1", "first");
    notifier.refreshCard("PP-D-1", "second");

    assertThat(outbox.claimDue("w1", clock.instant(), LEASE, 10, OutboxLane.UPDATES))
        .as("no card yet: nothing is an update")
        .isEmpty();
    List<OutboxRow> post = outbox.claimDue("w1", clock.instant(), LEASE, 1, OutboxLane.POSTS);
    assertThat(keys(post)).containsExactly("card:PP-D-1:first");
    outbox.markSending(post.get(0).id());
    assertThat(outbox.claimDue("w2", clock.instant(), LEASE, 10, OutboxLane.UPDATES))
        .as("the post is in flight and not recorded")
        .isEmpty();
    cards.save("PP-D-1", CHANNEL, "1700000000.000100", null);
    outbox.markSent(post.get(0).id(), "1700000000.000100", clock.instant());

    assertThat(keys(outbox.claimDue("w2", clock.instant(), LEASE, 10, OutboxLane.UPDATES)))
        .containsExactly("card:PP-D-1:second");
  }

  @EachDatabase
  void aRateLimitedUpdateHoldsBackOnlyCardUpdates() {
    String ts = posted("PP-D-1");
    slack.failNext("chat.update", 1, Fault.rateLimited(7));
    stored("PP-D-1", "2026-11-21T10:00:00Z", "20.00");
    notifier.refreshCard("PP-D-1", "changed");
    Instant limited = clock.instant();

    sender.sendDue();
    notifier.channelMessage("note", SlackPost.text("A channel message"));
    sender.sendDue();

    assertThat(slack.messages(CHANNEL)).extracting(m -> m.text()).contains("A channel message");
    assertThat(outbox.inState(OutboxRow.PENDING))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.dedupeKey()).isEqualTo("card:PP-D-1:changed");
              assertThat(r.nextAttemptAt()).isEqualTo(limited.plusSeconds(7));
            });
    clock.set(limited.plusSeconds(7));
    sender.sendDue();
    List<ApiCall> updates = slack.calls("chat.update");
    assertThat(updates).hasSize(2);
    assertThat(updates.get(1).param("ts")).isEqualTo(ts);
    assertThat(updates.get(1).param("blocks")).contains("20.00 USD");
    assertThat(outbox.pendingCount()).isZero();
  }

  @EachDatabase
  void anUpdatePostingADeletedCardAgainKeepsTheChannelsPostPacing() {
    String ts = posted("PP-D-1");
    slack.deleteMessage(CHANNEL, ts);
    notifier.channelMessage("note", SlackPost.text("A channel message"));
    sender.sendDue();
    notifier.refreshCard("PP-D-1", "changed");

    sender.sendDue();

    List<ApiCall> posts = slack.calls("chat.postMessage");
    assertThat(posts).hasSize(3);
    assertThat(Duration.between(posts.get(1).at(), posts.get(2).at()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(cards.find("PP-D-1", CHANNEL).orElseThrow().ts()).isNotEqualTo(ts);
  }

  @EachDatabase
  void aRestartMidQueueLosesNothingAndSendsNothingTwice() throws Exception {
    List<String> ids = List.of("PP-D-1", "PP-D-2", "PP-D-3");
    ids.forEach(this::posted);
    for (int i = 1; i <= 5; i++) {
      for (String id : ids) {
        stored(id, "2026-11-21T10:00:0" + i + "Z", i + "0.00");
        notifier.refreshCard(id, "u" + i);
        notifier.threadReply(id, "r" + i, SlackPost.text(id + " reply " + i));
      }
    }

    // The first run is cut off with a reply and a card update each made in Slack but not answered.
    Pause reply = slack.pauseNext("chat.postMessage", Pause.At.BEFORE_RESPONDING);
    Pause update = slack.pauseNext("chat.update", Pause.At.BEFORE_RESPONDING);
    OutboxSender first = background();
    first.start();
    assertThat(reply.awaitArrival(Duration.ofSeconds(30))).isTrue();
    assertThat(update.awaitArrival(Duration.ofSeconds(30))).isTrue();
    first.stop(Duration.ZERO);
    reply.releaseAndDrop();
    update.releaseAndDrop();
    assertThat(outbox.inState(OutboxRow.SENDING)).hasSize(2);
    OutboxSender second = background();
    second.start();
    Await.until(
        "the second sender to settle what the first left SENDING",
        () -> outbox.pendingCount() == 0 && outbox.inState(OutboxRow.SENDING).isEmpty(),
        Duration.ofSeconds(30));
    second.stop(Duration.ofSeconds(5));

    assertThat(slack.messages(CHANNEL)).as("one card each, never posted again").hasSize(ids.size());
    for (String id : ids) {
      String ts = cards.find(id, CHANNEL).orElseThrow().ts();
      assertThat(slack.replies(CHANNEL, ts))
          .extracting(m -> m.text())
          .as("every reply once, in order")
          .containsExactly(
              id + " reply 1", id + " reply 2", id + " reply 3", id + " reply 4", id + " reply 5");
      List<ApiCall> updates =
          slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).toList();
      assertThat(updates.get(updates.size() - 1).param("blocks"))
          .as("the card shows the latest state")
          .contains("50.00 USD");
    }
  }

  private OutboxSender background() {
    return new OutboxSender(
        db,
        outbox,
        cards,
        disputes,
        new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
        client.methods(slack.botToken()),
        mapper,
        clock,
        clock::advance,
        SenderSettings.defaults());
  }
}
