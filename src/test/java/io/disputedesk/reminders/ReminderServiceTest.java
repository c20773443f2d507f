package io.disputedesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.json.Json;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxSender;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.PayPalLinks;
import io.disputedesk.slack.SenderSettings;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.slack.SlackReminderNotices;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deadline reminders at 72 h, 24 h and 4 h left, and the overdue card refresh at the deadline. */
class ReminderServiceTest {
  static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
  static final Instant DUE = START.plus(Duration.ofHours(100));
  static final Duration HOUR = Duration.ofHours(1);
  static final List<Duration> THRESHOLDS =
      List.of(Duration.ofHours(72), Duration.ofHours(24), Duration.ofHours(4));

  @TempDir Path dir;
  final ShiftableClock clock = new ShiftableClock(START);
  Database db;
  OutboxStore outbox;
  ReminderLedger ledger;
  ReminderService reminders;
  DisputeSeeds seeds;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);
    ledger = new ReminderLedger(db);
    seeds = new DisputeSeeds(db, clock);
    reminders =
        new ReminderService(
            db,
            new DisputeQueries(db),
            ledger,
            new SlackReminderNotices(new Notifier(outbox, Json.newMapper(), "C0DISPUTE", null)),
            THRESHOLDS);
    seeds
        .dispute("PP-D-9001")
        .amount("75.00", "USD")
        .sellerDue(DUE)
        .created(START.minus(Duration.ofDays(1)))
        .store();
    new AssignmentStore(db).assign("PP-D-9001", "U0OWNER01", "U0LEAD001");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void remindsOnceAtEachThresholdAndMarksTheCardOverdueAtTheDeadline() {
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(73)))).isEqualTo(new ReminderRun(0, 0));
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(72)))).isEqualTo(new ReminderRun(1, 0));
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(71)))).isEqualTo(new ReminderRun(0, 0));
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(24)))).isEqualTo(new ReminderRun(1, 0));
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(5)))).isEqualTo(new ReminderRun(0, 0));
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(4)).plusSeconds(60)))
        .isEqualTo(new ReminderRun(1, 0));
    assertThat(reminders.run(DUE)).isEqualTo(new ReminderRun(0, 1));
    assertThat(reminders.run(DUE.plus(HOUR))).isEqualTo(new ReminderRun(0, 0));

    List<OutboxRow> rows = outbox.inState(OutboxRow.PENDING);
    assertThat(rows)
        .extracting(OutboxRow::dedupeKey)
        .containsExactly(
            "thread:PP-D-9001:reminder:PT72H:" + DUE.toEpochMilli(),
            "thread:PP-D-9001:reminder:PT24H:" + DUE.toEpochMilli(),
            "thread:PP-D-9001:reminder:PT4H:" + DUE.toEpochMilli(),
            "card:PP-D-9001:overdue:" + DUE.toEpochMilli());
    assertThat(rows.get(0).kind()).isEqualTo(Notifier.THREAD);
    assertThat(rows.get(0).payload())
        .contains(
            "<@U0OWNER01> :alarm_clock: *3 days left* to respond to PayPal on PP-D-9001"
                + " (75.00 USD, Item not received, Claim). Due <!date^"
                + DUE.getEpochSecond()
                + "^{date_short_pretty} {time}|Tue 24 Nov 2026 14:00 UTC>.");
    assertThat(rows.get(2).payload()).contains("*3 h 59 min left*");
    assertThat(rows.get(3).kind()).isEqualTo(Notifier.CARD);
  }

  @Test
  void aReminderSaysHowManyEvidenceDraftsAreNotSentYet() {
    EvidenceDraftStore drafts = new EvidenceDraftStore(db, clock);
    ReminderService withDrafts =
        new ReminderService(
            db,
            new DisputeQueries(db),
            ledger,
            new SlackReminderNotices(new Notifier(outbox, Json.newMapper(), "C0DISPUTE", null)),
            THRESHOLDS,
            drafts);
    long sent = drafts.create("PP-D-9001", "{}", "Proof of fulfillment", "U0AGENT01");
    drafts.claim(sent, "U0AGENT01");
    drafts.create("PP-D-9001", "{}", "Proof of fulfillment", "U0AGENT01");

    assertThat(withDrafts.run(DUE.minus(HOUR.multipliedBy(72)))).isEqualTo(new ReminderRun(1, 0));
    drafts.create("PP-D-9001", "{}", "Other", "U0AGENT02");
    assertThat(withDrafts.run(DUE.minus(HOUR.multipliedBy(24)))).isEqualTo(new ReminderRun(1, 0));

    List<OutboxRow> rows = outbox.inState(OutboxRow.PENDING);
    assertThat(rows.get(0).payload())
        .contains(":memo: 1 evidence draft not sent yet: send it with *Submit to PayPal*");
    assertThat(rows.get(1).payload()).contains(":memo: 2 evidence drafts not sent yet: send them");
  }

  @Test
  void remindersAreRepliesInTheCardsThreadAndTheDeadlineTurnsTheCardOverdue() throws Exception {
    try (LocalSlack slack = LocalSlack.start();
        Slack client = SlackApps.newSlack(slack.apiUrl())) {
      slack.addChannel("C0DISPUTE", "disputes");
      OutboxSender sender =
          new OutboxSender(
              db,
              outbox,
              new CardStore(db),
              new DisputeStore(db, Json.newMapper()),
              new CardBuilder(clock, new PayPalLinks(PayPalLinks.SANDBOX), CardAction.buttons()),
              client.methods(slack.botToken()),
              Json.newMapper(),
              clock,
              clock::advance,
              SenderSettings.defaults());

      clock.set(DUE.minus(HOUR.multipliedBy(24)));
      reminders.run(clock.instant());
      sender.sendDue();
      clock.set(DUE.minus(HOUR.multipliedBy(4)));
      reminders.run(clock.instant());
      reminders.run(clock.instant());
      sender.sendDue();

      List<SlackMessage> cards = slack.messages("C0DISPUTE");
      assertThat(cards).hasSize(1);
      String ts = cards.get(0).ts();
      assertThat(slack.replies("C0DISPUTE", ts))
          .extracting(SlackMessage::text)
          .containsExactly(
              "<@U0OWNER01> :alarm_clock: *1 day left* to respond to PayPal on PP-D-9001 (75.00 USD, Item not received,"
                  + " Claim). Due <!date^"
                  + DUE.getEpochSecond()
                  + "^{date_short_pretty} {time}|Tue 24 Nov 2026 14:00 UTC>.",
              "<@U0OWNER01> :alarm_clock: *4 h left* to respond to PayPal on PP-D-9001 (75.00 USD, Item not received,"
                  + " Claim). Due <!date^"
                  + DUE.getEpochSecond()
                  + "^{date_short_pretty} {time}|Tue 24 Nov 2026 14:00 UTC>.");
      assertThat(slack.message("C0DISPUTE", ts).orElseThrow().blocks().toString())
          .doesNotContain("Overdue");

      clock.set(DUE.plusSeconds(60));
      assertThat(reminders.run(clock.instant())).isEqualTo(new ReminderRun(0, 1));
      sender.sendDue();

      assertThat(slack.messages("C0DISPUTE")).hasSize(1);
      assertThat(slack.message("C0DISPUTE", ts).orElseThrow().blocks().toString())
          .contains("Overdue by");
      assertThat(slack.replies("C0DISPUTE", ts)).hasSize(2);
    }
  }

  @Test
  void afterDowntimeOnlyTheTightestCrossedThresholdIsSent() {
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(3)))).isEqualTo(new ReminderRun(1, 0));
    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(2)))).isEqualTo(new ReminderRun(0, 0));

    assertThat(outbox.inState(OutboxRow.PENDING))
        .extracting(OutboxRow::dedupeKey)
        .containsExactly("thread:PP-D-9001:reminder:PT4H:" + DUE.toEpochMilli());
    assertThat(ledger.claim("PP-D-9001", "PT72H", DUE, DUE))
        .as("the 72 h reminder was never claimed")
        .isTrue();
  }

  @Test
  void unassignedDisputeGetsTheChannelsAttention() {
    seeds.dispute("PP-D-9002").sellerDue(START.plus(HOUR.multipliedBy(20))).store();

    reminders.run(START);

    assertThat(outbox.inState(OutboxRow.PENDING))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.disputeId()).isEqualTo("PP-D-9002");
              assertThat(r.payload())
                  .contains(
                      "<!here> :alarm_clock: *20 h left*",
                      "Nobody owns it yet: `/disputes assign PP-D-9002 @person`");
            });
  }

  @Test
  void noReminderAfterTheDisputeResolved() {
    reminders.run(DUE.minus(HOUR.multipliedBy(72)));
    seeds
        .dispute("PP-D-9001")
        .sellerDue(DUE)
        .created(START.minus(Duration.ofDays(1)))
        .resolved("RESOLVED_SELLER_FAVOUR", null, DUE.minus(HOUR.multipliedBy(30)))
        .store();

    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(24)))).isEqualTo(new ReminderRun(0, 0));
    assertThat(reminders.run(DUE)).isEqualTo(new ReminderRun(0, 0));
    assertThat(outbox.inState(OutboxRow.PENDING)).hasSize(1);
  }

  @Test
  void noReminderAfterTheSellerResponded() {
    seeds
        .dispute("PP-D-9001")
        .status("UNDER_REVIEW")
        .sellerDue(DUE)
        .created(START.minus(Duration.ofDays(1)))
        .updated(START)
        .store();

    assertThat(reminders.run(DUE.minus(HOUR.multipliedBy(24)))).isEqualTo(new ReminderRun(0, 0));
    assertThat(reminders.run(DUE)).isEqualTo(new ReminderRun(0, 0));
    assertThat(outbox.inState(OutboxRow.PENDING)).isEmpty();
  }

  @Test
  void twoPassesAtTheSameMomentSendOneReminder() {
    ReminderService replica =
        new ReminderService(
            db,
            new DisputeQueries(db),
            new ReminderLedger(db),
            new SlackReminderNotices(new Notifier(outbox, Json.newMapper(), "C0DISPUTE", null)),
            THRESHOLDS);

    reminders.run(DUE.minus(HOUR.multipliedBy(20)));
    replica.run(DUE.minus(HOUR.multipliedBy(20)));

    assertThat(outbox.inState(OutboxRow.PENDING)).hasSize(1);
  }

  @Test
  void aNewDeadlineRemindsAgain() {
    reminders.run(DUE.minus(HOUR.multipliedBy(20)));
    Instant extended = DUE.plus(Duration.ofDays(3));
    seeds
        .dispute("PP-D-9001")
        .sellerDue(extended)
        .created(START.minus(Duration.ofDays(1)))
        .updated(START.plus(HOUR))
        .store();

    assertThat(reminders.run(extended.minus(HOUR.multipliedBy(20))))
        .isEqualTo(new ReminderRun(1, 0));
    assertThat(outbox.inState(OutboxRow.PENDING))
        .extracting(OutboxRow::dedupeKey)
        .containsExactly(
            "thread:PP-D-9001:reminder:PT24H:" + DUE.toEpochMilli(),
            "thread:PP-D-9001:reminder:PT24H:" + extended.toEpochMilli());
  }

  @Test
  void configuredThresholdsReplaceTheDefaults() {
    ReminderService hourly =
        new ReminderService(
            db,
            new DisputeQueries(db),
            ledger,
            new SlackReminderNotices(new Notifier(outbox, Json.newMapper(), "C0DISPUTE", null)),
            List.of(Duration.ofHours(1)));

    assertThat(hourly.run(DUE.minus(HOUR.multipliedBy(24)))).isEqualTo(new ReminderRun(0, 0));
    assertThat(hourly.run(DUE.minus(Duration.ofMinutes(59)))).isEqualTo(new ReminderRun(1, 0));
  }
}
