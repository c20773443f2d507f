package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.dispute.Words;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.ResponseUrlPost;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.actions.ModalFields;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.testing.StateValues;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snooze with the whole bot: the Snooze modal opened and submitted with signed Slack requests, the
 * card and thread saying so, the due list, Home tab, digest and reminders leaving the dispute out
 * (and keeping the others), and each way it wakes: a deadline within 24 h, the buyer writing, its
 * time passing on the bot's clock, and Unsnooze; a restart keeps it.
 */
class SnoozeEndToEndTest {
  private static final String ALICE = "U0A1B2C3E";
  private static final String VIEWER = "U0A1B2C3M";
  private static final Pattern SECTION_HEADER = Pattern.compile("^\\*[^*]+\\* \\(\\d+\\)$");

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private SignedPost post;
  private String sleepy;
  private String other;
  private String far;
  private final AtomicInteger hooks = new AtomicInteger();

  @BeforeEach
  void start() {
    desk = bot.desk();
    Instant now = Instant.now();
    sleepy = dispute("61.00", now.plus(Duration.ofHours(40)));
    other = dispute("23.00", now.plus(Duration.ofHours(30)));
    far = dispute("410.00", now.plus(Duration.ofDays(9)));
    desk.with("AGENTS", ALICE).with("VIEWERS", VIEWER);
    startApp(BotDesk.fast());
  }

  @Test
  void snoozeFromTheCardShowsWhoAndUntilWhenAndLeavesTheDueListHomeAndDigest() {
    assertThat(dueList()).contains(sleepy, other);

    Instant until =
        snoozeUntil(sleepy, Instant.now().plus(Duration.ofHours(20)), "Waiting for the courier");

    String card = desk.card(sleepy).orElseThrow().blocks().toString();
    assertThat(card)
        .contains(
            ":zzz: *Snoozed* until <!date^" + until.getEpochSecond() + "^",
            "by <@" + ALICE + "> · “Waiting for the courier”");
    assertThat(BotDesk.actionIds(desk.card(sleepy).orElseThrow()))
        .contains(Ids.UNSNOOZE)
        .doesNotContain(Ids.SNOOZE);
    assertThat(BotDesk.actionIds(desk.card(other).orElseThrow())).contains(Ids.SNOOZE);
    assertThat(texts(sleepy))
        .singleElement()
        .asString()
        .startsWith(
            ":zzz: <@" + ALICE + "> snoozed this dispute until <!date^" + until.getEpochSecond());

    assertThat(dueList()).contains(other).doesNotContain(sleepy);
    String home = home();
    assertThat(home).contains("*Due within 72 h* (1)", "*Unassigned* (2)", other, sleepy);
    List<String> dueSoon = digestSection("Due within 48 h");
    assertThat(dueSoon).hasSize(1);
    assertThat(dueSoon.get(0)).contains(other).doesNotContain(sleepy);
  }

  @Test
  void aSnoozedDisputeStaysInItsOwnersHomeQueueMarkedAsTheCardSaysIt() {
    click(sleepy, Ids.ASSIGN_ME, ALICE);
    click(other, Ids.ASSIGN_ME, ALICE);
    Await.until(
        "both assigned",
        () ->
            desk.card(sleepy).orElseThrow().blocks().toString().contains("<@" + ALICE + ">")
                && desk.card(other).orElseThrow().blocks().toString().contains("<@" + ALICE + ">"));
    desk.awaitSlackQuiet();

    Instant until =
        snoozeUntil(sleepy, Instant.now().plus(Duration.ofHours(20)), "Waiting for the courier");
    snoozeUntilTheBuyerWrites(far);
    home();

    List<String> queue = homeSection("Your queue");
    assertThat(queue).hasSize(2);
    String sleepyLine = queue.stream().filter(l -> l.contains(sleepy)).findFirst().orElseThrow();
    assertThat(sleepyLine)
        .contains(":zzz: Snoozed until <!date^" + until.getEpochSecond() + "^", "<@" + ALICE + ">");
    assertThat(queue.stream().filter(l -> l.contains(other)).findFirst().orElseThrow())
        .doesNotContain(":zzz:", "Snoozed");
    // Not Alice's: it stays in the Unassigned list, marked the same way.
    assertThat(homeSection("Unassigned"))
        .singleElement()
        .asString()
        .contains(far, ":zzz: Snoozed until the buyer writes");

    click(sleepy, Ids.UNSNOOZE, ALICE);
    // The thread has the assignment's and the snooze's notes already: wait for this one by its
    // words.
    Await.until(
        "the unsnooze note",
        () ->
            texts(sleepy).stream()
                .anyMatch(
                    t -> t.startsWith(":alarm_clock: <@" + ALICE + "> unsnoozed this dispute")));
    desk.awaitSlackQuiet();
    home();
    assertThat(homeSection("Your queue"))
        .hasSize(2)
        .noneMatch(l -> l.contains(":zzz:") || l.contains("Snoozed"));
  }

  @Test
  void aDeadlineWithin24HoursWakesItAndItIsDueAgain() {
    snoozeUntil(sleepy, Instant.now().plus(Duration.ofDays(3)), null);
    assertThat(dueList()).doesNotContain(sleepy);

    // 40 h before the deadline, then 17 h later: 23 h left.
    desk.clock.advance(Duration.ofHours(17));
    assertThat(dueList()).as("the lists see the deadline at once").contains(sleepy, other);
    desk.pollAndSettle();

    assertThat(texts(sleepy))
        .hasSize(2)
        .last()
        .asString()
        .startsWith(":alarm_clock: Woke early: the deadline is near (22 h 5");
    String card = desk.card(sleepy).orElseThrow().blocks().toString();
    assertThat(card)
        .contains(":alarm_clock: *Woke up: the deadline is near* (snoozed by <@" + ALICE + ">")
        .doesNotContain("*Snoozed*");
    assertThat(BotDesk.actionIds(desk.card(sleepy).orElseThrow())).contains(Ids.SNOOZE);
    assertThat(digestSection("Due within 48 h")).hasSize(2);

    desk.pollAndSettle();
    assertThat(texts(sleepy)).as("woken once").hasSize(2);
  }

  @Test
  void aSnoozeUntilTheBuyerWritesEndsWithTheBuyersMessage() {
    snoozeUntilTheBuyerWrites(far);
    assertThat(desk.card(far).orElseThrow().blocks().toString())
        .contains(":zzz: *Snoozed* until the buyer writes by <@" + ALICE + ">");
    desk.pollAndSettle();
    assertThat(texts(far)).as("nothing new from the buyer, still asleep").hasSize(1);

    desk.sim.addBuyerMessage(far, "Any news about my refund?");
    desk.pollAndSettle();

    Await.until(
        "the wake note", () -> texts(far).stream().anyMatch(t -> t.startsWith(":alarm_clock:")));
    desk.awaitSlackQuiet();
    assertThat(texts(far))
        .filteredOn(t -> t.startsWith(":alarm_clock:"))
        .singleElement()
        .asString()
        .startsWith(
            ":alarm_clock: Woke up: the buyer wrote. Snoozed by <@"
                + ALICE
                + "> until the buyer writes");
    assertThat(desk.card(far).orElseThrow().blocks().toString())
        .doesNotContain("*Snoozed*")
        .contains("Any news about my refund?");
  }

  @Test
  void theSnoozeEndsWhenItsTimePassesOnTheBotsClockOnce() {
    Instant until = snoozeUntil(far, Instant.now().plus(Duration.ofHours(2)), null);
    desk.pollAndSettle();
    assertThat(texts(far)).as("not yet").hasSize(1);

    desk.clock.advance(Duration.ofHours(3));
    desk.pollAndSettle();
    desk.pollAndSettle();

    assertThat(texts(far))
        .hasSize(2)
        .last()
        .asString()
        .isEqualTo(
            ":alarm_clock: Woke up: the snooze is over."
                + " Snoozed by <@"
                + ALICE
                + "> until <!date^"
                + until.getEpochSecond()
                + "^{date_short_pretty} {time}|"
                + Words.utc(until)
                + ">; it is back in the due lists.");
    assertThat(desk.card(far).orElseThrow().blocks().toString())
        .doesNotContain("*Snoozed*", "Woke up");
  }

  @Test
  void unsnoozeFromTheCardBringsItBack() {
    snoozeUntil(sleepy, Instant.now().plus(Duration.ofHours(20)), null);

    click(sleepy, Ids.UNSNOOZE, ALICE);

    Await.until("the unsnooze note", () -> texts(sleepy).size() == 2);
    desk.awaitSlackQuiet();
    assertThat(texts(sleepy).get(1))
        .startsWith(":alarm_clock: <@" + ALICE + "> unsnoozed this dispute");
    assertThat(BotDesk.actionIds(desk.card(sleepy).orElseThrow()))
        .contains(Ids.SNOOZE)
        .doesNotContain(Ids.UNSNOOZE);
    assertThat(dueList()).contains(sleepy, other);
  }

  @Test
  void aViewerMayNotSnoozeAndAPastMomentIsRefusedOnTheForm() {
    click(sleepy, Ids.SNOOZE, VIEWER);
    Await.until("the refusal", () -> !desk.slack.ephemerals(VIEWER).isEmpty());
    assertThat(desk.slack.ephemerals(VIEWER).get(0).text())
        .startsWith("Only agents and approvers can use *Snooze*");
    assertThat(desk.slack.openViews(VIEWER)).isEmpty();

    SlackView view = openSnooze(sleepy, ALICE);
    LocalDateTime past =
        LocalDateTime.ofInstant(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
    SignedPost.Reply refused =
        submit(
            view,
            new StateValues()
                .staticSelect(
                    ModalFields.SNOOZE_MODE, ModalFields.SNOOZE_MODE, "UNTIL", "Until a date")
                .datepicker(
                    ModalFields.SNOOZE_DATE, ModalFields.SNOOZE_DATE, past.toLocalDate().toString())
                .timepicker(
                    ModalFields.SNOOZE_TIME,
                    ModalFields.SNOOZE_TIME,
                    past.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString()));
    assertThat(refused.body())
        .contains(
            "\"response_action\":\"errors\"",
            ModalFields.SNOOZE_DATE,
            "Pick a moment in the future.");
    // 30 h before its deadline, then 7 h later: 23 h left.
    desk.clock.advance(Duration.ofHours(7));
    SignedPost.Reply tooClose = submit(openSnooze(other, ALICE), untilTheBuyerWrites());
    assertThat(tooClose.body()).contains("The deadline is within 24 hours");
    desk.settle();
    assertThat(texts(sleepy)).isEmpty();
    assertThat(texts(other)).isEmpty();
    assertThat(dueList()).contains(sleepy, other);
  }

  @Test
  void aRestartKeepsTheSnoozeAndTheRemindersLeaveItOut() {
    Instant until = snoozeUntil(sleepy, Instant.now().plus(Duration.ofHours(20)), null);
    desk.app().close();

    // This start runs its reminder pass (and the other scheduled checks) at once.
    startApp(BotDesk.fast().withFirstPollDelay(Duration.ZERO));
    Await.until(
        "the reminder about the other dispute",
        () -> texts(other).stream().anyMatch(t -> t.contains("to respond to PayPal on")));
    // The pass may still be at the snoozed dispute: wait until the bot is idle, not only its
    // outbox.
    desk.settle();

    assertThat(texts(sleepy))
        .as("no reminder, no wake")
        .singleElement()
        .asString()
        .startsWith(":zzz:");
    assertThat(dueList()).contains(other).doesNotContain(sleepy);
    long updates = cardUpdates(sleepy);
    click(sleepy, Ids.REFRESH, ALICE);
    Await.until("the refreshed card", () -> cardUpdates(sleepy) > updates);
    desk.awaitSlackQuiet();
    assertThat(desk.card(sleepy).orElseThrow().blocks().toString())
        .contains(":zzz: *Snoozed* until <!date^" + until.getEpochSecond());
  }

  // --- helpers ---

  private String dispute(String amount, Instant due) {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount(amount, "USD")
            .createTime(Instant.now().minus(Duration.ofHours(2)))
            .sellerDueDate(due)
            .build());
  }

  private void startApp(RunOptions options) {
    RunningApp app = desk.start(options);
    post =
        new SignedPost(
            URI.create("http://127.0.0.1:" + app.port() + "/slack/events"),
            new SlackSigner("test-signing-secret"));
    desk.pollAndSettle();
  }

  /** Snoozes through the modal until the minute of {@code at}; returns that moment. */
  private Instant snoozeUntil(String id, Instant at, String reason) {
    LocalDateTime when =
        LocalDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    StateValues state =
        new StateValues()
            .staticSelect(ModalFields.SNOOZE_MODE, ModalFields.SNOOZE_MODE, "UNTIL", "Until a date")
            .datepicker(
                ModalFields.SNOOZE_DATE, ModalFields.SNOOZE_DATE, when.toLocalDate().toString())
            .timepicker(
                ModalFields.SNOOZE_TIME, ModalFields.SNOOZE_TIME, when.toLocalTime().toString())
            .plainText(ModalFields.SNOOZE_REASON, ModalFields.SNOOZE_REASON, reason);
    snooze(id, state);
    return when.toInstant(ZoneOffset.UTC);
  }

  private void snoozeUntilTheBuyerWrites(String id) {
    snooze(id, untilTheBuyerWrites());
  }

  private static StateValues untilTheBuyerWrites() {
    return new StateValues()
        .staticSelect(
            ModalFields.SNOOZE_MODE, ModalFields.SNOOZE_MODE, "BUYER", "Until the buyer writes")
        .plainText(ModalFields.SNOOZE_REASON, ModalFields.SNOOZE_REASON, null);
  }

  private void snooze(String id, StateValues state) {
    int before = texts(id).size();
    SignedPost.Reply reply = submit(openSnooze(id, ALICE), state);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).doesNotContain("errors");
    Await.until("the snooze note", () -> texts(id).size() == before + 1);
    Await.until(
        "the snoozed card",
        () -> desk.card(id).orElseThrow().blocks().toString().contains("*Snoozed*"));
    desk.awaitSlackQuiet();
  }

  /** Clicks Snooze on the card (a button or an overflow option) and returns the modal it opened. */
  private SlackView openSnooze(String id, String user) {
    click(id, Ids.SNOOZE, user);
    Await.until("the Snooze modal", () -> !desk.slack.openViews(user).isEmpty());
    List<SlackView> stack = desk.slack.openViews(user);
    SlackView view = stack.get(stack.size() - 1);
    desk.slack.closeViews(user);
    assertThat(view.callbackId()).isEqualTo(Ids.VIEW_SNOOZE);
    assertThat(view.blocks().toString())
        .contains("At (UTC)", "A deadline within 24 hours wakes it anyway.");
    return view;
  }

  private void click(String id, String actionId, String user) {
    SlackMessage card = desk.card(id).orElseThrow();
    assertThat(BotDesk.actionIds(card)).contains(actionId);
    boolean inOverflow = card.blocks().toString().contains("\"" + actionId + ":" + id + "\"");
    SlackRequests.BlockAction action =
        inOverflow
            ? SlackRequests.blockAction(Ids.MORE_ACTIONS).overflowChoice(actionId + ":" + id)
            : SlackRequests.blockAction(actionId).value(id);
    SignedPost.Reply reply =
        post.send(
            action
                .user(user, "someone")
                .triggerId(desk.slack.issueTrigger(user))
                .actionTs("1732700042.000001")
                .inMessage(
                    BotDesk.CHANNEL,
                    card.ts(),
                    desk.slack.hooksUrlFor(BotDesk.CHANNEL, card.ts(), user))
                .body());
    assertThat(reply.status()).isEqualTo(200);
  }

  private SignedPost.Reply submit(SlackView view, StateValues state) {
    return post.send(
        SlackRequests.viewSubmission(view.callbackId())
            .viewId(view.id())
            .privateMetadata(view.privateMetadata())
            .user(ALICE, "alice")
            .state(state)
            .body());
  }

  private long cardUpdates(String id) {
    String ts = desk.card(id).orElseThrow().ts();
    return desk.slack.calls("chat.update").stream().filter(c -> ts.equals(c.param("ts"))).count();
  }

  private List<String> texts(String id) {
    return desk.replies(desk.card(id).orElseThrow()).stream().map(SlackMessage::text).toList();
  }

  private String dueList() {
    return command("due").toString();
  }

  private String home() {
    String before = desk.slack.homeView(ALICE).map(v -> v.hash()).orElse("");
    assertThat(
            post.send(SlackRequests.appHomeOpened(ALICE, "EvHome" + hooks.incrementAndGet()))
                .status())
        .isEqualTo(200);
    Await.until(
        "the Home tab",
        () -> desk.slack.homeView(ALICE).filter(v -> !v.hash().equals(before)).isPresent());
    return desk.slack.homeView(ALICE).orElseThrow().blocks().toString();
  }

  /** The dispute lines under the Home tab's list {@code name}, as last published for Alice. */
  private List<String> homeSection(String name) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (JsonNode block : desk.slack.homeView(ALICE).orElseThrow().blocks()) {
      String text = block.path("text").path("text").asText("");
      if (text.startsWith("*") && text.contains("* (") && text.contains(") · _")) {
        in = text.startsWith("*" + name + "* (");
      } else if (in && "section".equals(block.path("type").asText())) {
        lines.add(text);
      } else if ("divider".equals(block.path("type").asText())) {
        in = false;
      }
    }
    return lines;
  }

  /** The dispute lines under the digest preview's section {@code name}. */
  private List<String> digestSection(String name) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (JsonNode block : command("digest").path("blocks")) {
      String text = block.path("text").path("text").asText("");
      if (SECTION_HEADER.matcher(text).matches()) {
        in = text.startsWith("*" + name + "*");
      } else if (in && "section".equals(block.path("type").asText())) {
        lines.add(text);
      }
    }
    return lines;
  }

  private JsonNode command(String text) {
    String path = "commands/T0A1B2C3D/" + hooks.incrementAndGet() + "/snooze";
    SignedPost.Reply ack =
        post.send(
            SlackRequests.slashCommand("/disputes")
                .text(text)
                .user(ALICE, "alice")
                .channel(SlackRequests.CHANNEL_ID, "somewhere")
                .responseUrl(desk.slack.hooksUrl(path))
                .body());
    assertThat(ack.status()).isEqualTo(200);
    Await.until("the answer to " + text, () -> answerAt(path).isPresent());
    return answerAt(path).orElseThrow().json();
  }

  private Optional<ResponseUrlPost> answerAt(String path) {
    return desk.slack.responseUrlPosts().stream().filter(p -> p.path().equals(path)).findFirst();
  }
}
