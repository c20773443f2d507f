package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.json.Json;
import io.disputedesk.sim.slack.Fault;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.UploadedFile;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.ShiftableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FILE outbox rows (the weekly report): shared once through Slack's upload flow, even after a lost
 * answer.
 */
class OutboxFileTest {
  private static final String CHANNEL = "C0DISPUTES";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3};
  private static final FilePost REPORT =
      new FilePost(
          "weekly-dispute-report-12w-2026-11-22.png",
          "Weekly dispute report",
          ":bar_chart: *Dispute report*",
          PNG);

  @TempDir Path dir;
  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private final ObjectMapper mapper = Json.newMapper();
  private LocalSlack slack;
  private Slack client;
  private Database db;
  private OutboxStore outbox;
  private Notifier notifier;
  private OutboxSender sender;

  @BeforeEach
  void setUp() {
    slack = LocalSlack.start(LocalSlack.Settings.defaults().withClock(clock));
    slack.addChannel(CHANNEL, "disputes");
    client = SlackApps.newSlack(slack.apiUrl());
    db = TestDatabases.open(dir, clock);
    outbox = new OutboxStore(db);
    notifier = new Notifier(outbox, mapper, "C0OTHER", null);
    sender =
        new OutboxSender(
            db,
            outbox,
            new CardStore(db),
            new DisputeStore(db, mapper),
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

  private OutboxRow only(String status) {
    List<OutboxRow> rows = outbox.inState(status);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void aFileRowIsSharedInItsOwnChannelWithItsMessage() {
    assertThat(notifier.channelFile(CHANNEL, "weekly-report:" + CHANNEL + ":2026-11-23", REPORT))
        .isTrue();
    assertThat(notifier.channelFile(CHANNEL, "weekly-report:" + CHANNEL + ":2026-11-23", REPORT))
        .isFalse();

    sender.sendDue();

    UploadedFile file = slack.uploadedFiles().get(0);
    assertThat(slack.uploadedFiles()).hasSize(1);
    assertThat(file.channel()).isEqualTo(CHANNEL);
    assertThat(file.filename()).isEqualTo(REPORT.filename());
    assertThat(file.title()).isEqualTo("Weekly dispute report");
    assertThat(file.initialComment()).isEqualTo(":bar_chart: *Dispute report*");
    assertThat(file.content()).isEqualTo(PNG);
    assertThat(file.mimetype()).isEqualTo("image/png");
    assertThat(only(OutboxRow.SENT).sentTs()).isEqualTo(file.id());
  }

  @Test
  void aFileSharedWithoutAnAnswerIsFoundByNameAndNotSharedAgain() {
    notifier.channelFile(CHANNEL, "weekly-report:x", REPORT);
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    outbox.markSending(row.id());
    String id = new SlackWire(client.methods(slack.botToken()), mapper).upload(CHANNEL, REPORT);

    assertThat(sender.recoverInterrupted()).isEqualTo(1);
    sender.sendDue();

    assertThat(slack.uploadedFiles()).hasSize(1);
    assertThat(only(OutboxRow.SENT).sentTs()).isEqualTo(id);
    assertThat(slack.calls("files.list")).isNotEmpty();
  }

  @Test
  void aFileThatNeverArrivedIsSharedAgainOnce() {
    notifier.channelFile(CHANNEL, "weekly-report:x", REPORT);
    OutboxRow row =
        outbox.claimDue(OutboxSender.WORKER, clock.instant(), Duration.ofMinutes(2), 10).get(0);
    outbox.markSending(row.id());
    // The same name shared in another channel is another file.
    new SlackWire(client.methods(slack.botToken()), mapper).upload("C0OTHER", REPORT);

    sender.recoverInterrupted();
    sender.sendDue();

    assertThat(slack.uploadedFiles()).filteredOn(f -> f.channel().equals(CHANNEL)).hasSize(1);
    assertThat(only(OutboxRow.SENT).attempts()).isEqualTo(2);
  }

  @Test
  void aRefusedUploadIsRetriedAndSharedOnce() {
    slack.failNext("files.completeUploadExternal", 1, Fault.serverError());
    notifier.channelFile(CHANNEL, "weekly-report:x", REPORT);

    sender.sendDue();
    assertThat(slack.uploadedFiles()).isEmpty();
    assertThat(only(OutboxRow.PENDING).attempts()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(5));
    sender.sendDue();
    assertThat(slack.uploadedFiles()).hasSize(1);
    assertThat(only(OutboxRow.SENT).sentTs()).isEqualTo(slack.uploadedFiles().get(0).id());
  }
}
