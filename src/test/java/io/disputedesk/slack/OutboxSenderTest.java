package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.PayPalSamples;
import io.disputedesk.testing.ShiftableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender against a real database and a local Slack, on a clock that only moves when it sleeps.
 */
class OutboxSenderTest {
  private static final String CHANNEL = "C0DISPUTES";
  private static final String INR = "detail-inquiry-inr-waiting-seller.json";

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final List<Duration> sleeps = new ArrayList<>();
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
  void setUp() {
    slack = LocalSlack.start(LocalSlack.Settings.defaults().withClock(clock));
    slack.addChannel(CHANNEL, "disputes");
    client = SlackApps.newSlack(slack.apiUrl());
    db = TestDatabases.open(dir, clock);
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
            d -> {
              sleeps.add(d);
              clock.advance(d);
            },
            SenderSettings.defaults());
  }

  @AfterEach
  void tearDown() throws Exception {
    db.close();
    client.close();
    slack.close();
  }

  private OutboxRow only(String status) {
    List<OutboxRow> rows = outbox.inState(status);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private Dispute stored(String updateTime) {
    Dispute d = PayPalSamples.dispute(INR, j -> j.put("update_time", updateTime));
    disputes.upsert(d);
    return d;
  }

  @Test
  void writesToAChannelArePacedAboutOneASecond() {
    notifier.channelMessage("a", SlackPost.text("one"));
    notifier.channelMessage("b", SlackPost.text("two"));
    notifier.channelMessage("c", SlackPost.text("three"));

    assertThat(sender.sendDue()).isEqualTo(3);

    assertThat(slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly("one", "two", "three");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void aRateLimitedPostWaitsForRetryAfterAndThenGoesOutOnce() {
    slack.failNext("chat.postMessage", 1, Fault.rateLimited(7));
    notifier.channelMessage("a", SlackPost.text("hello"));
    Instant start = clock.instant();

    sender.sendDue();
    assertThat(slack.messages(CHANNEL)).isEmpty();
    assertThat(only(OutboxRow.PENDING).nextAttemptAt()).isEqualTo(start.plusSeconds(7));
    clock.advance(Duration.ofSeconds(6));
    assertThat(sender.sendDue()).isZero();

    clock.advance(Duration.ofSeconds(1));
    sender.sendDue();
    assertThat(slack.messages(CHANNEL)).extracting(SlackMessage::text).containsExactly("hello");
    assertThat(slack.calls("chat.postMessage")).hasSize(2);
    assertThat(only(OutboxRow.SENT).sentTs()).isEqualTo(slack.messages(CHANNEL).get(0).ts());
  }

  @Test
  void serverErrorsBackOffExponentiallyAndGiveUpAfterEightAttempts() {
    slack.failNext("chat.postMessage", 8, Fault.serverError());
    notifier.channelMessage("a", SlackPost.text("hello"));
    List<Long> waits = new ArrayList<>();

    for (int attempt = 1; attempt < 8; attempt++) {
      sender.sendDue();
      OutboxRow row = only(OutboxRow.PENDING);
      assertThat(row.attempts()).isEqualTo(attempt);
      assertThat(row.lastError()).isEqualTo("http_500");
      waits.add(Duration.between(clock.instant(), row.nextAttemptAt()).toSeconds());
      clock.set(row.nextAttemptAt());
    }
    sender.sendDue();

    assertThat(waits).containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L);
    assertThat(only(OutboxRow.FAILED).attempts()).isEqualTo(8);
    assertThat(slack.messages(CHANNEL)).isEmpty();
  }

  @Test
  void aPayloadSlackRejectsFailsAtOnce() {
    slack.failNext("chat.postMessage", 1, Fault.error("invalid_blocks"));
    notifier.channelMessage("a", SlackPost.text("hello"));

    sender.sendDue();

    assertThat(only(OutboxRow.FAILED).lastError()).isEqualTo("invalid_blocks");
  }

  @Test
  void aCardAlwaysShowsTheLatestStoredStateWhateverItWasQueuedFor() {
    Dispute first = stored("2026-11-20T10:00:00Z");
    notifier.refreshCard(first.disputeId(), "u1");
    disputes.upsert(
        PayPalSamples.dispute(
            INR,
            j ->
                j.put("update_time", "2026-11-21T10:00:00Z")
                    .put("status", "WAITING_FOR_BUYER_RESPONSE")));
    notifier.refreshCard(first.disputeId(), "u2");

    sender.sendDue();

    assertThat(slack.messages(CHANNEL))
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.blocks().toString()).contains("Waiting for the buyer");
              assertThat(card.edited()).isTrue();
            });
    assertThat(cards.find(first.disputeId()).orElseThrow().renderedUpdate())
        .isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
  }

  @Test
  void aDeletedCardIsPostedAgainAndTheNewOneIsRemembered() {
    Dispute d = stored("2026-11-20T10:00:00Z");
    notifier.refreshCard(d.disputeId(), "u1");
    sender.sendDue();
    String firstTs = cards.find(d.disputeId()).orElseThrow().ts();
    slack.deleteMessage(CHANNEL, firstTs);

    notifier.refreshCard(d.disputeId(), "u2");
    clock.advance(Duration.ofSeconds(5));
    sender.sendDue();

    String newTs = cards.find(d.disputeId()).orElseThrow().ts();
    assertThat(newTs).isNotEqualTo(firstTs);
    assertThat(slack.messages(CHANNEL)).extracting(SlackMessage::ts).containsExactly(newTs);
  }

  @Test
  void aThreadReplyForADisputeWithoutACardPostsTheCardFirst() {
    Dispute d = stored("2026-11-20T10:00:00Z");
    notifier.threadReply(d.disputeId(), "note", SlackPost.text("Offer sent"));

    sender.sendDue();

    SlackMessage card = slack.messages(CHANNEL).get(0);
    assertThat(slack.messages(CHANNEL)).hasSize(1);
    assertThat(cards.find(d.disputeId()).orElseThrow().ts()).isEqualTo(card.ts());
    assertThat(slack.replies(CHANNEL, card.ts()))
        .extracting(SlackMessage::text)
        .containsExactly("Offer sent");
  }

  @Test
  void repliesUpdatedBeforeTheyArePostedAreUpdatedInPlaceOnceTheyAre() {
    Dispute d = stored("2026-11-20T10:00:00Z");
    notifier.threadReply(d.disputeId(), "draft:7:100", SlackPost.text("draft, first save"));
    notifier.threadReply(d.disputeId(), "draft:7:200", SlackPost.text("draft, edited"));
    notifier.threadReply(d.disputeId(), "draft:70:300", SlackPost.text("another draft"));
    SlackPost sent = new SlackPost("draft, sent", "[]");

    assertThat(notifier.updateThreadReplies(d.disputeId(), "draft:7:", "sent", sent)).isEqualTo(2);
    assertThat(notifier.updateThreadReplies(d.disputeId(), "draft:7:", "sent", sent)).isZero();
    sender.sendDue();

    Card card = cards.find(d.disputeId()).orElseThrow();
    assertThat(slack.replies(CHANNEL, card.ts()))
        .extracting(SlackMessage::text)
        .containsExactly("draft, sent", "draft, sent", "another draft");
    assertThat(slack.calls("chat.postMessage")).hasSize(4);
    assertThat(slack.calls("chat.update")).hasSize(2);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void anInterruptedReplyUpdateIsMadeAgainAtStartAndNeverQueuedTwice() {
    Dispute d = stored("2026-11-20T10:00:00Z");
    notifier.threadReply(d.disputeId(), "draft:7:100", SlackPost.text("draft"));
    sender.sendDue();
    notifier.updateThreadReplies(d.disputeId(), "draft:7:", "sent", SlackPost.text("sent"));
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    assertThat(row.kind()).isEqualTo(Notifier.EDIT);
    outbox.markSending(row.id());

    // The restart: what was left SENDING is settled, then sent by the next pass.
    assertThat(sender.recoverInterrupted()).isEqualTo(1);
    sender.sendDue();
    assertThat(notifier.updateThreadReplies(d.disputeId(), "draft:7:", "sent", SlackPost.text("x")))
        .isZero();
    sender.sendDue();

    Card card = cards.find(d.disputeId()).orElseThrow();
    assertThat(slack.replies(CHANNEL, card.ts()))
        .extracting(SlackMessage::text)
        .containsExactly("sent");
    assertThat(slack.calls("chat.update")).hasSize(1);
    assertThat(outbox.find(row.dedupeKey()).orElseThrow().status()).isEqualTo(OutboxRow.SENT);
  }

  @Test
  void anUpdateOfAReplyThatWasNeverPostedPostsNothing() {
    Dispute d = stored("2026-11-20T10:00:00Z");
    notifier.refreshCard(d.disputeId(), "u1");
    sender.sendDue();
    slack.failNext("chat.postMessage", 1, Fault.error("invalid_blocks"));
    notifier.threadReply(d.disputeId(), "draft:7:100", SlackPost.text("draft"));
    sender.sendDue();
    notifier.updateThreadReplies(d.disputeId(), "draft:7:", "sent", SlackPost.text("sent"));

    sender.sendDue();

    assertThat(slack.replies(CHANNEL, cards.find(d.disputeId()).orElseThrow().ts())).isEmpty();
    assertThat(slack.calls("chat.update")).isEmpty();
    assertThat(outbox.inState(OutboxRow.FAILED)).hasSize(1);
    assertThat(outbox.pendingCount()).isZero();
  }

  @Test
  void aPostThatWentOutWithoutAnAnswerIsRecordedNotPostedAgain() {
    notifier.channelMessage("summary", SlackPost.text("Imported 3 disputes"));
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    outbox.markSending(row.id());
    String ts =
        new SlackWire(client.methods(slack.botToken()), mapper)
            .post(CHANNEL, SlackPost.text("Imported 3 disputes"), null, row.dedupeKey(), null);

    assertThat(sender.recoverInterrupted()).isEqualTo(1);
    sender.sendDue();

    assertThat(only(OutboxRow.SENT).sentTs()).isEqualTo(ts);
    assertThat(slack.messages(CHANNEL)).hasSize(1);
  }

  @Test
  void aPostThatNeverArrivedIsSentAgainOnce() {
    notifier.channelMessage("summary", SlackPost.text("Imported 3 disputes"));
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    outbox.markSending(row.id());

    sender.recoverInterrupted();
    sender.sendDue();

    assertThat(slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly("Imported 3 disputes");
    assertThat(only(OutboxRow.SENT).attempts()).isEqualTo(2);
  }

  @Test
  void aThreadReplyThatWentOutWithoutAnAnswerIsFoundInItsThread() {
    Dispute d = stored("2026-11-20T10:00:00Z");
    notifier.refreshCard(d.disputeId(), "u1");
    sender.sendDue();
    Card card = cards.find(d.disputeId()).orElseThrow();
    notifier.threadReply(d.disputeId(), "status", SlackPost.text("Status changed"));
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    outbox.markSending(row.id());
    new SlackWire(client.methods(slack.botToken()), mapper)
        .post(CHANNEL, SlackPost.text("Status changed"), card.ts(), row.dedupeKey(), d.disputeId());

    sender.recoverInterrupted();
    sender.sendDue();

    assertThat(slack.replies(CHANNEL, card.ts())).hasSize(1);
    assertThat(outbox.inState(OutboxRow.SENT)).hasSize(2);
  }

  @Test
  void anInterruptedCardPostIsAdoptedAndBroughtUpToDate() {
    Dispute d = stored("2026-11-20T10:00:00Z");
    notifier.refreshCard(d.disputeId(), "u1");
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    outbox.markSending(row.id());
    String ts =
        new SlackWire(client.methods(slack.botToken()), mapper)
            .post(
                CHANNEL,
                SlackPost.text("an older rendering"),
                null,
                row.dedupeKey(),
                d.disputeId());

    sender.recoverInterrupted();
    sender.sendDue();

    assertThat(slack.messages(CHANNEL))
        .singleElement()
        .satisfies(
            card -> {
              assertThat(card.ts()).isEqualTo(ts);
              assertThat(card.text()).contains(d.disputeId());
            });
    assertThat(cards.find(d.disputeId()).orElseThrow().ts()).isEqualTo(ts);
  }

  @Test
  void theBackgroundSenderDeliversWhenWokenAndFlushesOnStop() throws Exception {
    OutboxSender running =
        new OutboxSender(
            db,
            outbox,
            cards,
            disputes,
            new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
            client.methods(slack.botToken()),
            mapper,
            clock,
            d -> {},
            SenderSettings.defaults());
    Notifier waking = new Notifier(outbox, mapper, CHANNEL, running::wakeUp);
    running.start();
    try {
      waking.channelMessage("a", SlackPost.text("hello"));
      Await.until(
          "the first message", () -> !slack.messages(CHANNEL).isEmpty(), Duration.ofSeconds(10));
      waking.channelMessage("b", SlackPost.text("bye"));
    } finally {
      running.stop(Duration.ofSeconds(5));
    }
    assertThat(slack.messages(CHANNEL))
        .extracting(SlackMessage::text)
        .containsExactly("hello", "bye");
  }

  @Test
  void aSenderGivenUpOnAtShutdownLeavesTheClosedDatabaseAlone() throws Exception {
    CountDownLatch pacing = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    AtomicReference<Thread> senderThread = new AtomicReference<>();
    // The second post to the channel waits for its pacing beyond the stop's grace.
    OutboxSender running =
        new OutboxSender(
            db,
            outbox,
            cards,
            disputes,
            new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
            client.methods(slack.botToken()),
            mapper,
            clock,
            d -> {
              senderThread.set(Thread.currentThread());
              pacing.countDown();
              released.await();
            },
            SenderSettings.defaults());
    Notifier waking = new Notifier(outbox, mapper, CHANNEL, running::wakeUp);
    waking.channelMessage("a", SlackPost.text("hello"));
    waking.channelMessage("b", SlackPost.text("bye"));
    running.start();
    assertThat(pacing.await(10, TimeUnit.SECONDS)).isTrue();

    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      running.stop(Duration.ofMillis(100));
      // As the bot's stop does once the sender has stopped.
      db.close();
      released.countDown();
      senderThread.get().join(10_000);
    } finally {
      System.setErr(original);
    }

    assertThat(senderThread.get().isAlive()).isFalse();
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("Slack sender still waiting on Slack at shutdown")
        .doesNotContain("could not flush", "has been closed");
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);
    assertThat(slack.messages(CHANNEL)).extracting(SlackMessage::text).containsExactly("hello");
    OutboxRow left = only(OutboxRow.PENDING);
    assertThat(left.dedupeKey()).isEqualTo("message:b");
    assertThat(left.claimedBy()).isNull();
  }
}
