package io.disputedesk.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.CardBuilder;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.DigestBuilder;
import io.disputedesk.slack.DigestMessage;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Notifier;
import io.disputedesk.slack.OutboxRow;
import io.disputedesk.slack.OutboxSender;
import io.disputedesk.slack.OutboxStore;
import io.disputedesk.slack.PayPalLinks;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.SenderSettings;
import io.disputedesk.slack.SlackApps;
import io.disputedesk.slack.SlackDigestPublisher;
import io.disputedesk.slack.actions.CardAction;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The digest's contents on a seeded database with a fixed clock, its split into messages, and its
 * delivery.
 */
class DigestServiceTest extends DigestTestBase {
  @Test
  void digestListsNewDueUnassignedAndResolvedWithLinksAndOwnerMentions() {
    ledger.claim(
        CHANNEL,
        LocalDate.parse("2026-11-19"),
        YESTERDAY_9.minus(Duration.ofDays(1)),
        YESTERDAY_9,
        YESTERDAY_9);
    seeds
        .dispute("PP-D-N1")
        .amount("42.00", "USD")
        .seenAt(YESTERDAY_9.plus(HOUR.multipliedBy(6)))
        .sellerDue(TODAY_9.plus(Duration.ofDays(5)))
        .store();
    seeds
        .dispute("PP-D-S1")
        .reason("UNAUTHORISED")
        .amount("300.00", "EUR")
        .seenAt(TODAY_9.minus(Duration.ofDays(9)))
        .sellerDue(TODAY_9.plus(HOUR.multipliedBy(11)))
        .store();
    seeds
        .dispute("PP-D-R1")
        .amount("80.00", "USD")
        .seenAt(TODAY_9.minus(Duration.ofDays(20)))
        .resolved("RESOLVED_SELLER_FAVOUR", null, TODAY_9.minus(HOUR.multipliedBy(7)))
        .store();
    seeds
        .dispute("PP-D-R0")
        .amount("10.00", "USD")
        .seenAt(TODAY_9.minus(Duration.ofDays(20)))
        .resolved("RESOLVED_BUYER_FAVOUR", "10.00", YESTERDAY_9.minus(HOUR))
        .store();
    new AssignmentStore(db).assign("PP-D-S1", "U0OWNER01", "U0LEAD001");
    new CardStore(db).save("PP-D-S1", CHANNEL, "1763550000.000200", TODAY_9);

    assertThat(service().sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);

    List<OutboxRow> rows = outbox.inState(OutboxRow.PENDING);
    assertThat(rows)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(Notifier.MESSAGE);
              assertThat(r.channel()).isEqualTo(CHANNEL);
              assertThat(r.dedupeKey()).isEqualTo("message:digest:" + CHANNEL + ":2026-11-20");
            });
    JsonNode post = json(rows.get(0).payload());
    assertThat(post.path("text").asText())
        .isEqualTo(
            "Dispute digest · Fri 20 Nov: 1 new, 1 due within 48 h, 1 unassigned, 1 resolved");
    List<String> texts = texts(json(post.path("blocks_json").asText()));
    assertThat(texts)
        .containsExactly(
            "Dispute digest · Fri 20 Nov",
            "Since Thu 19 Nov 09:00 Z · 2 open · at risk 300.00 EUR + 42.00 USD",
            "*New since the last digest* (1)",
            "*42.00 USD* · Item not received · Claim · Waiting for our response · :white_circle: 5 days left · Unassigned"
                + " · `PP-D-N1`",
            "*Due within 48 h* (1)",
            "*300.00 EUR* · Unauthorised payment · Claim · Waiting for our response · :large_orange_circle: 11 h left"
                + " · <@U0OWNER01>"
                + " · <https://acme-payments.slack.com/archives/C0DIGEST1/p1763550000000200|PP-D-S1>",
            "*Unassigned* (1)",
            "*42.00 USD* · Item not received · Claim · Waiting for our response · :white_circle: 5 days left · Unassigned"
                + " · `PP-D-N1`",
            "*Resolved since the last digest* (1)",
            "*80.00 USD* · Item not received · Claim · Resolved · Won: resolved in our favour · Unassigned · `PP-D-R1`",
            "*Totals:* 2 open · at risk 300.00 EUR + 42.00 USD · 1 new · 1 resolved");
  }

  @Test
  void digestSaysHowManyEvidenceDraftsAreNotSentYet() {
    seeds
        .dispute("PP-D-N1")
        .amount("42.00", "USD")
        .seenAt(YESTERDAY_9.plus(HOUR.multipliedBy(6)))
        .sellerDue(TODAY_9.plus(Duration.ofDays(5)))
        .store();
    EvidenceDraftStore drafts = new EvidenceDraftStore(db, clock);
    long sent = drafts.create("PP-D-N1", "{}", "Proof of fulfillment", "U0AGENT01");
    drafts.claim(sent, "U0AGENT01");
    drafts.create("PP-D-N1", "{}", "Other", "U0AGENT01");
    DisputeLines lines = new DisputeLines(new Permalinks(Optional::empty));
    DigestService service =
        new DigestService(
            db,
            new DigestLedger(db),
            new DisputeQueries(db),
            new SlackDigestPublisher(
                new Notifier(new OutboxStore(db), mapper, CHANNEL, null),
                new DigestBuilder(lines, ZoneOffset.UTC)),
            new DigestSettings(LocalTime.of(9, 0), ZoneOffset.UTC, false),
            () -> true,
            DigestChannels.single(CHANNEL),
            drafts);

    assertThat(service.sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);

    JsonNode post = json(outbox.inState(OutboxRow.PENDING).get(0).payload());
    assertThat(texts(json(post.path("blocks_json").asText())))
        .contains(
            ":memo: *1 evidence draft not sent yet* (on PP-D-N1): *Submit to PayPal* in the card's thread sends each one.");
  }

  @Test
  void bigDigestIsSplitIntoMessagesOfAtMostFiftyBlocks() {
    ledger.claim(
        CHANNEL,
        LocalDate.parse("2026-11-19"),
        YESTERDAY_9.minus(Duration.ofDays(1)),
        YESTERDAY_9,
        YESTERDAY_9);
    for (int i = 0; i < 30; i++) {
      seeds
          .dispute(String.format("PP-D-N%02d", i))
          .seenAt(YESTERDAY_9.plus(HOUR))
          .sellerDue(TODAY_9.plus(HOUR.multipliedBy(2 + i)))
          .store();
      seeds
          .dispute(String.format("PP-D-R%02d", i))
          .seenAt(TODAY_9.minus(Duration.ofDays(30)))
          .resolved("RESOLVED_BUYER_FAVOUR", null, TODAY_9.minus(HOUR.multipliedBy(3)))
          .store();
    }

    assertThat(service().sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);

    List<OutboxRow> rows = outbox.inState(OutboxRow.PENDING);
    assertThat(rows)
        .extracting(OutboxRow::dedupeKey)
        .containsExactly(
            "message:digest:" + CHANNEL + ":2026-11-20",
            "message:digest:" + CHANNEL + ":2026-11-20:2");
    List<String> all = new ArrayList<>();
    for (OutboxRow row : rows) {
      JsonNode blocks = json(json(row.payload()).path("blocks_json").asText());
      assertThat(blocks.size()).isLessThanOrEqualTo(50);
      all.addAll(texts(blocks));
    }
    assertThat(all)
        .contains(
            "*New since the last digest* (30)",
            "…and 20 more: `/disputes list open`",
            "*Resolved since the last digest* (30)",
            "Dispute digest · Fri 20 Nov (part 2)");
  }

  @Test
  void digestReachesTheChannelThroughTheOutboxSenderOnce() throws Exception {
    ledger.claim(
        CHANNEL,
        LocalDate.parse("2026-11-19"),
        YESTERDAY_9.minus(Duration.ofDays(1)),
        YESTERDAY_9,
        YESTERDAY_9);
    for (int i = 0; i < 30; i++) {
      seeds
          .dispute(String.format("PP-D-N%02d", i))
          .seenAt(YESTERDAY_9.plus(HOUR))
          .sellerDue(TODAY_9.plus(HOUR.multipliedBy(2 + i)))
          .store();
      seeds
          .dispute(String.format("PP-D-R%02d", i))
          .seenAt(TODAY_9.minus(Duration.ofDays(30)))
          .resolved("RESOLVED_BUYER_FAVOUR", null, TODAY_9.minus(HOUR.multipliedBy(3)))
          .store();
    }
    try (LocalSlack slack = LocalSlack.start();
        Slack client = SlackApps.newSlack(slack.apiUrl())) {
      slack.addChannel(CHANNEL, "disputes");
      OutboxSender sender =
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

      assertThat(service().sendIfDue(TODAY_9)).isEqualTo(DigestOutcome.SENT);
      sender.sendDue();
      // A second instance (a restart, a replica) finds the day taken; the sender has nothing more
      // to send.
      assertThat(service().sendIfDue(TODAY_9.plus(HOUR))).isEqualTo(DigestOutcome.ALREADY_SENT);
      sender.sendDue();

      List<SlackMessage> posted = slack.messages(CHANNEL);
      assertThat(posted).hasSize(2);
      assertThat(posted.get(0).text())
          .isEqualTo(
              "Dispute digest · Fri 20 Nov: 30 new, 30 due within 48 h, 30 unassigned, 30 resolved");
      assertThat(posted.get(0).blocks().size()).isLessThanOrEqualTo(50);
      assertThat(texts(posted.get(0).blocks())).startsWith("Dispute digest · Fri 20 Nov");
      assertThat(texts(posted.get(1).blocks())).startsWith("Dispute digest · Fri 20 Nov (part 2)");
      assertThat(outbox.inState(OutboxRow.SENT)).hasSize(2);
    }
  }

  @Test
  void packingKeepsSectionsWholeWhenTheyFit() {
    DisputeLines lines = new DisputeLines(new Permalinks(Optional::empty));
    seeds.dispute("PP-D-X1").seenAt(TODAY_9.minus(HOUR)).store();
    seeds.dispute("PP-D-X2").seenAt(TODAY_9.minus(HOUR)).store();
    var data =
        new DisputeQueries(db)
            .digest(TODAY_9.minus(Duration.ofDays(1)), TODAY_9, Duration.ofHours(48), 10);

    List<DigestMessage> messages =
        new DigestBuilder(lines, ZoneOffset.UTC, 6)
            .build(data, LocalDate.parse("2026-11-20"), TODAY_9);

    assertThat(messages).allSatisfy(m -> assertThat(m.blocks().size()).isLessThanOrEqualTo(6));
    assertThat(texts(messages.get(1).blocks()))
        .startsWith("Dispute digest · Fri 20 Nov (part 2)", "*Unassigned* (2)");
  }
}
