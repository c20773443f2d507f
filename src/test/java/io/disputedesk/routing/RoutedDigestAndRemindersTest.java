package io.disputedesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.digest.DigestChannels;
import io.disputedesk.digest.DigestLedger;
import io.disputedesk.digest.DigestOutcome;
import io.disputedesk.digest.DigestService;
import io.disputedesk.digest.DigestSettings;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.FilterWords;
import io.disputedesk.drafts.UnsentDrafts;
import io.disputedesk.json.Json;
import io.disputedesk.reminders.ReminderLedger;
import io.disputedesk.reminders.ReminderService;
import io.disputedesk.slack.CardRouting;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.SlackDigestPublisher;
import io.disputedesk.slack.SlackPost;
import io.disputedesk.slack.SlackReminderNotices;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.DisputeSeeds;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest and the reminders follow the routes: each channel hears about the disputes routed to
 * it.
 */
class RoutedDigestAndRemindersTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  private static final String MAIN = "C0MAIN";
  private static final String CLAIMS = "C0CLAIMS";
  private static final String BIG = "C0BIG";

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(NOW);
  private final ObjectMapper mapper = Json.newMapper();
  private Database db;
  private OutboxStore outbox;
  private Router router;
  private Notifier notifier;

  @BeforeEach
  void open() {
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);
    router =
        new Router(
            List.of(
                Route.configured(CLAIMS, FilterWords.parse("claim", FilterWords.Use.ROUTE)),
                Route.configured(BIG, FilterWords.parse("500 USD", FilterWords.Use.ROUTE))),
            new SubscriptionStore(db),
            MAIN);
    DisputeStore disputes = new DisputeStore(db, mapper);
    CardRouting routing =
        id -> disputes.find(id).map(d -> router.channelsFor(d.facts())).orElse(List.of(MAIN));
    notifier = new Notifier(outbox, mapper, MAIN, null, routing, new CardStore(db));
    DisputeSeeds seeds = new DisputeSeeds(db, clock);
    seeds
        .dispute("D-INQUIRY")
        .stage("INQUIRY", "INTERNAL")
        .amount("20.00", "USD")
        .seenAt(NOW.minusSeconds(600))
        .sellerDue(NOW.plus(Duration.ofHours(30)))
        .store();
    seeds
        .dispute("D-BIG-CLAIM")
        .stage("CHARGEBACK", "INTERNAL")
        .amount("900.00", "USD")
        .seenAt(NOW.minusSeconds(600))
        .sellerDue(NOW.plus(Duration.ofHours(23)))
        .store();
    new AssignmentStore(db).assign("D-BIG-CLAIM", "U0OWNER01", "U0LEAD001");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<OutboxRow> rows(String kind) {
    return outbox.inState(OutboxRow.PENDING).stream().filter(r -> r.kind().equals(kind)).toList();
  }

  private String text(OutboxRow row) {
    try {
      return mapper.readValue(row.payload(), SlackPost.class).text()
          + mapper.readValue(row.payload(), SlackPost.class).blocksJson();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void eachRoutedChannelGetsItsOwnDigestOfItsOwnDisputes() {
    DigestService digest =
        new DigestService(
            db,
            new DigestLedger(db),
            new DisputeQueries(db),
            new SlackDigestPublisher(
                notifier,
                new DigestBuilder(
                    new DisputeLines(new Permalinks(() -> Optional.of("https://acme.slack.com/"))),
                    ZoneOffset.UTC)),
            new DigestSettings(LocalTime.of(9, 0), ZoneOffset.UTC, false),
            () -> true,
            new DigestChannels() {
              @Override
              public List<String> channels() {
                return router.channels();
              }

              @Override
              public DisputeScope scopeOf(String channel) {
                return router.scopeOf(channel);
              }
            },
            UnsentDrafts.none());

    assertThat(digest.sendIfDue(NOW)).isEqualTo(DigestOutcome.SENT);
    assertThat(digest.sendIfDue(NOW.plusSeconds(60))).isEqualTo(DigestOutcome.ALREADY_SENT);

    List<OutboxRow> messages = rows(Notifier.MESSAGE);
    assertThat(messages).extracting(OutboxRow::channel).containsExactly(MAIN, CLAIMS, BIG);
    assertThat(text(messages.get(0))).contains("D-INQUIRY").doesNotContain("D-BIG-CLAIM");
    assertThat(text(messages.get(1))).contains("D-BIG-CLAIM").doesNotContain("D-INQUIRY");
    assertThat(text(messages.get(2))).contains("D-BIG-CLAIM").doesNotContain("D-INQUIRY");
  }

  @Test
  void aReminderGoesToEveryChannelOfTheDisputeMentioningItsOwnerOnce() {
    ReminderService reminders =
        new ReminderService(
            db,
            new DisputeQueries(db),
            new ReminderLedger(db),
            new SlackReminderNotices(notifier),
            List.of(Duration.ofHours(24)));

    assertThat(reminders.run(NOW).reminded()).isEqualTo(1);

    List<OutboxRow> replies = rows(Notifier.THREAD);
    assertThat(replies).extracting(OutboxRow::channel).containsExactly(CLAIMS, BIG);
    assertThat(replies).extracting(OutboxRow::disputeId).containsOnly("D-BIG-CLAIM");
    assertThat(text(replies.get(0))).startsWith("<@U0OWNER01> :alarm_clock: *");
    assertThat(text(replies.get(1)))
        .startsWith(":alarm_clock: *")
        .doesNotContain("<@U0OWNER01>")
        .contains("Its owner was reminded in the dispute's first channel.");
  }
}
