package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.DigestData;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.dispute.Outcome;
import io.disputedesk.dispute.Resolution;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.dispute.StoredNames;
import io.disputedesk.dispute.Words;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeReason;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.slack.actions.CardAction;
import io.disputedesk.slack.actions.ModalSurface;
import io.disputedesk.slack.commands.CsvSurface;
import io.disputedesk.slack.commands.ListBuilder;
import io.disputedesk.slack.home.HomeSurface;
import io.disputedesk.sync.DisputeEvent;
import io.disputedesk.testing.PayPalSamples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One wording: every reason, status, stage and outcome, a range of deadlines, amounts and owners,
 * rendered by every surface that shows them (card, list line, Home, digest, reminder, CSV, thread,
 * modal) for the same dispute, say the same words, the ones {@link Words} and {@link Times} give.
 */
class OneWordingTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:40:00Z");
  private static final String OWNER = "U0OWNER01";
  private static final DisputeLines LINES = new DisputeLines(new Permalinks(Optional::empty));

  /** Words from the second vocabulary this test guards against coming back. */
  private static final List<String> RETIRED =
      List.of(
          "Not received ·",
          "Waiting for us",
          "due in ",
          "overdue by",
          "won (",
          "lost (",
          "_unassigned_",
          "Under 24 h",
          "Under 3 days",
          "no outcome yet",
          "merchandise or service");

  enum Surface {
    CARD,
    LIST,
    HOME,
    DIGEST,
    REMINDER,
    CSV,
    MODAL
  }

  /** The dispute the surfaces are asked about. */
  record Sample(
      DisputeReason reason,
      DisputeStatus status,
      LifecycleStage stage,
      OutcomeCode outcome,
      Money amount,
      Duration dueIn,
      String owner) {

    Sample reason(DisputeReason r) {
      return new Sample(r, status, stage, outcome, amount, dueIn, owner);
    }

    Sample status(DisputeStatus s) {
      return new Sample(
          reason, s, stage, s == DisputeStatus.RESOLVED ? outcome : null, amount, dueIn, owner);
    }

    Sample stage(LifecycleStage s) {
      return new Sample(reason, status, s, outcome, amount, dueIn, owner);
    }

    Sample resolved(OutcomeCode o) {
      return new Sample(reason, DisputeStatus.RESOLVED, stage, o, amount, dueIn, owner);
    }

    Sample amount(String value, String currency) {
      return new Sample(reason, status, stage, outcome, Money.of(value, currency), dueIn, owner);
    }

    Sample dueIn(Duration d) {
      return new Sample(reason, status, stage, outcome, amount, d, owner);
    }

    Sample owner(String userId) {
      return new Sample(reason, status, stage, outcome, amount, dueIn, userId);
    }
  }

  private static final Sample BASE =
      new Sample(
          DisputeReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED,
          DisputeStatus.WAITING_FOR_SELLER_RESPONSE,
          LifecycleStage.INQUIRY,
          null,
          Money.of("49.99", "USD"),
          Duration.ofDays(5),
          OWNER);

  @Test
  void everyReasonReadsTheSameOnEverySurface() {
    for (DisputeReason r : DisputeReason.values()) {
      assertSame(BASE.reason(r), Words.reason(r), Surface.values());
    }
  }

  @Test
  void everyStatusReadsTheSameOnEverySurface() {
    for (DisputeStatus s : DisputeStatus.values()) {
      Sample sample = BASE.status(s);
      assertSame(
          sample,
          Words.status(s),
          Surface.CARD,
          Surface.LIST,
          Surface.HOME,
          Surface.DIGEST,
          Surface.CSV);
      assertThat(thread(new DisputeEvent.StatusChanged(DisputeStatus.OPEN, s)))
          .contains("*" + Words.status(s) + "*");
    }
  }

  @Test
  void everyStageReadsTheSameOnEverySurface() {
    for (LifecycleStage s : LifecycleStage.values()) {
      assertSame(
          BASE.stage(s),
          Words.stage(s),
          Surface.CARD,
          Surface.LIST,
          Surface.HOME,
          Surface.DIGEST,
          Surface.REMINDER,
          Surface.CSV);
      assertThat(thread(new DisputeEvent.StageChanged(LifecycleStage.INQUIRY, s)))
          .contains("*" + Words.stage(s) + "*");
    }
  }

  @Test
  void everyOutcomeReadsTheSameOnEverySurfaceAndSaysWonOrLostAsTheStatsCountIt() {
    for (OutcomeCode o : OutcomeCode.values()) {
      String word = Words.outcome(o);
      assertSame(BASE.resolved(o), word, Surface.CARD, Surface.LIST, Surface.DIGEST, Surface.CSV);
      assertThat(thread(new DisputeEvent.Resolved(o, null))).contains("*" + word + "*");
      Outcome counted = Outcome.of(o);
      assertThat(word.startsWith("Won")).as(o + " reads as won").isEqualTo(counted == Outcome.WON);
      assertThat(word.startsWith("Lost"))
          .as(o + " reads as lost")
          .isEqualTo(counted == Outcome.LOST);
    }
    assertThat(Words.outcome(Resolution.read("WON"))).isEqualTo("Won");
    assertThat(Words.outcome(Resolution.read("LOST"))).isEqualTo("Lost");
  }

  @Test
  void deadlinesReadTheSameOnEverySurfaceWithoutRoundingHoursAway() {
    List<Duration> dues =
        List.of(
            Duration.ofDays(3).plusHours(23),
            Duration.ofHours(11).plusMinutes(5),
            Duration.ofDays(1).plusHours(6),
            Duration.ofDays(9));
    for (Duration due : dues) {
      Sample sample = BASE.dueIn(due);
      String left = Words.left(NOW.plus(due), NOW);
      assertSame(
          sample, left, Surface.CARD, Surface.LIST, Surface.HOME, Surface.DIGEST, Surface.REMINDER);
      String dot = Urgency.of(NOW.plus(due), NOW).emoji();
      assertSame(sample, dot + " " + left, Surface.LIST, Surface.HOME, Surface.DIGEST);
      assertSame(sample, dot + " *" + left + "*", Surface.CARD);
    }
    assertThat(render(BASE.dueIn(Duration.ofDays(3).plusHours(23))).get(Surface.LIST))
        .contains("3 days 23 h left");
    String overdue = Words.left(NOW.minus(Duration.ofHours(50)), NOW);
    assertThat(overdue).isEqualTo("Overdue by 2 days 2 h");
    assertSame(
        BASE.dueIn(Duration.ofHours(-50)),
        ":red_circle: " + overdue,
        Surface.LIST,
        Surface.HOME,
        Surface.DIGEST);
  }

  @Test
  void aDeadlineShowsItsTimeOfDayOnTheCardTheModalAndTheReminder() {
    Sample soon = BASE.dueIn(Duration.ofHours(11));
    String when = Times.dateTime(NOW.plus(Duration.ofHours(11)));

    assertThat(when).contains("{time}").contains("|Thu 3 Dec 2026 21:40 UTC>");
    assertSame(soon, when, Surface.CARD, Surface.MODAL, Surface.REMINDER);
    assertThat(render(soon).get(Surface.MODAL)).contains("Respond by " + when);
  }

  @Test
  void amountsAndOwnersReadTheSameOnEverySurface() {
    Sample big = BASE.amount("1234.56", "USD");
    assertSame(
        big,
        "1,234.56 USD",
        Surface.CARD,
        Surface.LIST,
        Surface.HOME,
        Surface.DIGEST,
        Surface.REMINDER,
        Surface.MODAL);
    assertSame(
        BASE.amount("70000", "JPY"),
        "70,000 JPY",
        Surface.CARD,
        Surface.LIST,
        Surface.HOME,
        Surface.DIGEST,
        Surface.REMINDER,
        Surface.MODAL);
    assertSame(BASE, Mrkdwn.owner(OWNER), Surface.CARD, Surface.LIST, Surface.HOME);
    assertSame(
        BASE.owner(null),
        Words.UNASSIGNED,
        Surface.CARD,
        Surface.LIST,
        Surface.HOME,
        Surface.DIGEST,
        Surface.CSV);
  }

  @Test
  void theCsvHeaderNamesTheFieldsAsTheCardDoes() {
    String header = CsvSurface.csv(line(BASE)).lines().findFirst().orElseThrow();
    String card = render(BASE).get(Surface.CARD);
    for (String field :
        List.of(Words.STAGE, Words.STATUS, Words.OPENED, Words.RESPOND_BY, Words.OWNER)) {
      assertThat(header).contains(field);
      assertThat(card).contains("*" + field + "*");
    }
    assertThat(header).contains(Words.REASON, Words.AMOUNT, Words.OUTCOME);
  }

  @Test
  void eachValueHasItsOwnName() {
    assertDistinct(DisputeReason.values(), Words::reason);
    assertDistinct(DisputeStatus.values(), Words::status);
    assertDistinct(LifecycleStage.values(), Words::stage);
    assertDistinct(OutcomeCode.values(), Words::outcome);
    assertDistinct(CardAction.values(), CardAction::title);
  }

  @Test
  void storedValuesReadAsTheirEnums() {
    for (DisputeReason r : DisputeReason.values()) {
      assertThat(Words.reason(StoredNames.reason(r.name()))).isEqualTo(Words.reason(r));
    }
    for (DisputeStatus s : DisputeStatus.values()) {
      assertThat(Words.status(StoredNames.status(s.name()))).isEqualTo(Words.status(s));
    }
    assertThat(Words.reason(StoredNames.reason("SOMETHING_NEW")))
        .isEqualTo(Words.reason(DisputeReason.UNKNOWN));
  }

  private static <E> void assertDistinct(E[] values, Function<E, String> word) {
    Set<String> words = Arrays.stream(values).map(word).collect(Collectors.toSet());
    // UNKNOWN and a missing value share the neutral word; every real value has its own.
    long real = Arrays.stream(values).filter(v -> !v.toString().equals("UNKNOWN")).count();
    assertThat(words.size()).as(Arrays.toString(values)).isGreaterThanOrEqualTo((int) real);
  }

  private static void assertSame(Sample sample, String word, Surface... surfaces) {
    Map<Surface, String> rendered = render(sample);
    for (Surface s : surfaces) {
      assertThat(rendered.get(s)).as(s + " for " + sample).contains(word);
    }
    rendered.forEach(
        (s, text) -> assertThat(text).as(s + " for " + sample).doesNotContain(RETIRED));
  }

  private static Map<Surface, String> render(Sample sample) {
    DisputeLine line = line(sample);
    Map<Surface, String> out = new EnumMap<>(Surface.class);
    CardBuilder cards =
        new CardBuilder(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new PayPalLinks(PayPalLinks.SANDBOX),
            CardAction.buttons());
    out.put(
        Surface.CARD,
        texts(
            readTree(
                cards
                    .card(new StoredDispute(dispute(sample), sample.owner(), null, null))
                    .blocksJson())));
    out.put(
        Surface.LIST,
        texts(
            new ListBuilder(LINES)
                .build(ListFilter.of(DisputeView.OPEN), List.of(line), 1, 0, NOW, null)
                .blocks()));
    out.put(Surface.HOME, texts(HomeSurface.render(LINES, OWNER, line, NOW)));
    DigestData.Section one = new DigestData.Section(List.of(line), 1);
    DigestData.Section none = new DigestData.Section(List.of(), 0);
    DigestData data =
        new DigestData(NOW.minus(Duration.ofDays(1)), NOW, one, none, none, none, List.of(), 0);
    out.put(
        Surface.DIGEST,
        new DigestBuilder(LINES, ZoneOffset.UTC)
            .build(data, LocalDate.of(2026, 12, 3), NOW).stream()
                .map(m -> texts(m.blocks()))
                .collect(Collectors.joining("\n")));
    if (line.sellerDue() != null && line.sellerDue().isAfter(NOW) && !line.isResolved()) {
      out.put(Surface.REMINDER, new ReminderBuilder().build(line, NOW).text());
    }
    out.put(Surface.CSV, CsvSurface.csv(line));
    out.put(Surface.MODAL, ModalSurface.summary(dispute(sample)));
    return out;
  }

  private static DisputeLine line(Sample s) {
    long minor =
        s.amount()
            .value()
            .movePointRight(Money.scaleOf(s.amount().currencyCode()))
            .longValueExact();
    Instant due = NOW.plus(s.dueIn());
    return new DisputeLine(
        "PP-D-1",
        s.reason(),
        s.status(),
        s.stage(),
        Money.ofMinor(minor, s.amount().currencyCode()),
        NOW.minus(Duration.ofDays(2)),
        due,
        null,
        NOW.minus(Duration.ofDays(2)),
        null,
        s.status() == DisputeStatus.RESOLVED ? NOW : null,
        s.outcome() == null ? null : Resolution.of(s.outcome()),
        null,
        s.owner(),
        null,
        null,
        DisputeLine.DEFAULT_ACCOUNT,
        null);
  }

  private static Dispute dispute(Sample s) {
    return PayPalSamples.dispute(
        "detail-inquiry-inr-waiting-seller.json",
        json -> {
          json.put("dispute_id", "PP-D-1");
          json.put("reason", s.reason().name());
          json.put("status", s.status().name());
          json.put("dispute_life_cycle_stage", s.stage().name());
          json.putObject("dispute_amount")
              .put("currency_code", s.amount().currencyCode())
              .put("value", s.amount().value().toPlainString());
          json.put("seller_response_due_date", NOW.plus(s.dueIn()).toString());
          json.remove("dispute_outcome");
          if (s.outcome() != null) {
            json.putObject("dispute_outcome").put("outcome_code", s.outcome().name());
          }
        });
  }

  private static String thread(DisputeEvent event) {
    return EventReplies.reply(event, NOW).orElseThrow().text();
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.newMapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Every text in the JSON (block texts, fields, buttons), one per line. */
  private static String texts(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return String.join("\n", out);
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("text") && e.getValue().isTextual()) {
                  out.add(e.getValue().asText());
                } else {
                  collect(e.getValue(), out);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }
}
