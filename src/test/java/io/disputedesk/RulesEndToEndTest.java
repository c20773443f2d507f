package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimChannel;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.Ids;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Automation rules end to end (simulator, local Slack, the started app): each action kind in dry
 * run and on, through the same ledger as a click; the accept limit and the two-person rule; a
 * failure reported to the thread and the owner and not retried; pause and resume, away, and the
 * rules list.
 */
class RulesEndToEndTest {
  static final String OWNER = "U0OWNER001";
  static final String BOSS = "U0BOSS0002";
  static final String ALICE = "U0A1B2C3E";
  static final String BOB = "U0A1B2C3M";
  static final String TEAM = "S0A1B2C3P";
  static final String CAROL = "U0A1B2C3N";
  static final String SECRET = "test-signing-secret";
  static final String EVERY_STEP =
      "actions: [{assign: round-robin "
          + TEAM
          + "},"
          + " {message: 'Hello {buyer_name}, about {amount} ({transaction_id}), due {due_date}'},"
          + " {accept: 10 USD}, {mention: "
          + CAROL
          + "}]";

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private Channels slack;

  @BeforeEach
  void setUp() {
    desk = bot.desk();
    slack = new Channels(desk.slack);
    desk.with("APPROVERS", OWNER + "," + BOSS).with("AGENTS", TEAM);
  }

  private void start(String rules) {
    desk.with("RULES", rules).start();
    desk.pollAndSettle();
  }

  private String dispute(String amount, String buyer) {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount(amount, "USD")
            .buyerName(buyer)
            .buyerTransactionId("5TY05013RG002845M")
            .sellerDueDate(Instant.parse("2030-05-01T12:00:00Z"))
            .createTime(Instant.now().minus(Duration.ofMinutes(5)))
            .build());
  }

  private List<String> replies(String disputeId) {
    return slack.replies(BotDesk.CHANNEL, disputeId).stream().map(SlackMessage::text).toList();
  }

  private String awaitReply(String disputeId, String containing) {
    Await.until(
        "a reply with “" + containing + "” under " + disputeId,
        () -> replies(disputeId).stream().anyMatch(t -> t.contains(containing)));
    desk.awaitSlackQuiet();
    return replies(disputeId).stream()
        .filter(t -> t.contains(containing))
        .findFirst()
        .orElseThrow();
  }

  private String command(String text, String user) {
    return slack.command(desk.app(), SECRET, text, user, BotDesk.CHANNEL).path("text").asText();
  }

  private long runs() {
    return TestDatabases.count(desk.app().database(), "SELECT COUNT(*) FROM rule_runs");
  }

  @Test
  void aDryRunSaysInTheThreadWhatEachActionWouldHaveDoneAndDoesNothing() {
    start(
        "[{name: first-steps, owner: "
            + OWNER
            + ", trigger: new dispute, when: inr, "
            + EVERY_STEP
            + "}]");
    String id = dispute("8.00", "Bob <b>&amp; *Co*");
    desk.pollAndSettle();

    String note = awaitReply(id, "Dry run");
    assertThat(note)
        .contains(
            "*Dry run* of rule *first-steps* (owner <@" + OWNER + ">), on new dispute",
            "assigned it to <@" + ALICE + ">",
            "Hello Bob &lt;b&gt;&amp;amp; *Co*, about 8.00 USD (5TY05013RG002845M), due 1 May 2030",
            "accepted the claim: full refund of 8.00 USD",
            "mentioned <@" + CAROL + ">",
            "Nothing was done");
    assertThat(desk.sim.count("accept-claim") + desk.sim.count("send-message")).isZero();
    assertThat(desk.app().database() == null).isFalse();
    assertThat(TestDatabases.count(desk.app().database(), "SELECT COUNT(*) FROM assignments"))
        .isZero();
    assertThat(TestDatabases.count(desk.app().database(), "SELECT COUNT(*) FROM actions")).isZero();

    // The dry run's own rotation moves on; the next dispute would go to the next person.
    String next = dispute("9.00", "Ann");
    desk.pollAndSettle();
    assertThat(awaitReply(next, "Dry run")).contains("assigned it to <@" + BOB + ">");
  }

  @Test
  void aLiveRuleActsThroughTheLedgerAsByRuleAndNeverTwiceAcrossARestart() {
    start(
        "[{name: first-steps, owner: "
            + OWNER
            + ", trigger: new dispute, when: inr, mode: on, "
            + EVERY_STEP
            + "},"
            + " {name: nudge, owner: "
            + OWNER
            + ", trigger: due within 48h, mode: on, actions: [{mention: "
            + TEAM
            + "}]}]");
    String id = dispute("8.00", "Ann");
    String soon =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED)
                .stage(SimStage.INQUIRY)
                .amount("60.00", "USD")
                .sellerDueDate(Instant.now().plus(Duration.ofHours(30)))
                .build());
    desk.pollAndSettle();

    String note = awaitReply(id, "By rule *first-steps*");
    assertThat(note)
        .contains(
            "(owner <@" + OWNER + ">), on new dispute",
            "assigned it to <@" + ALICE + ">",
            "sent the buyer the message",
            "accepted the claim: full refund of 8.00 USD",
            "mentioned <@" + CAROL + ">");
    assertThat(desk.sim.count("send-message")).isEqualTo(1);
    assertThat(desk.sim.count("accept-claim")).isEqualTo(1);
    assertThat(desk.sim.requestsTo("send-message").get(0).bodyText())
        .contains("Hello Ann, about 8.00 USD");
    assertThat(replies(id))
        .anySatisfy(
            t ->
                assertThat(t)
                    .contains(
                        "*Accept claim* by rule *first-steps* (owner <@" + OWNER + ">)",
                        "PayPal accepted it"));
    assertThat(replies(id))
        .anySatisfy(t -> assertThat(t).startsWith("<@" + CAROL + ">: rule *first-steps*"));
    assertThat(
            TestDatabases.count(
                desk.app().database(),
                "SELECT COUNT(*) FROM audit_log WHERE action = 'ACCEPT_CLAIM'"
                    + " AND outcome = 'SUCCEEDED' AND user_id = '"
                    + OWNER
                    + "'"))
        .isEqualTo(1);
    assertThat(
            TestDatabases.count(
                desk.app().database(),
                "SELECT COUNT(*) FROM assignments WHERE user_id = '" + ALICE + "'"))
        .isEqualTo(1);
    assertThat(awaitReply(soon, "By rule *nudge*"))
        .contains("on due within", "mentioned <!subteam^" + TEAM + ">");

    // Every poll looks for close deadlines again, here and after a restart: the run ledger holds
    // each once.
    desk.pollAndSettle();
    desk.app().close();
    desk.start();
    desk.pollAndSettle();
    desk.pollAndSettle();
    String marker = dispute("9.00", "Bo");
    desk.pollAndSettle();
    awaitReply(marker, "By rule *first-steps*");
    assertThat(runs()).as("first-steps twice (two disputes), nudge once").isEqualTo(3);
    assertThat(replies(soon).stream().filter(t -> t.contains("nudge"))).hasSize(2);
    assertThat(desk.sim.count("accept-claim")).isEqualTo(2);
  }

  @Test
  void acceptStaysWithinItsLimitNeverTakesChargebacksAndAboveTheThresholdAsksASecondApprover() {
    desk.with("APPROVAL_THRESHOLD", "USD:5");
    start(
        "[{name: small, owner: "
            + OWNER
            + ", trigger: new dispute, mode: on, actions: [{accept: 10 USD}]}]");
    String held = dispute("8.00", "Ann");
    String big = dispute("12.00", "Ben");
    String small = dispute("4.00", "Cy");
    String chargeback =
        desk.sim.createDispute(
            SimDisputeSpec.builder()
                .stage(SimStage.CHARGEBACK)
                .channel(SimChannel.EXTERNAL)
                .amount("3.00", "USD")
                .build());
    desk.pollAndSettle();

    assertThat(awaitReply(held, "By rule"))
        .contains(
            "asked a second approver to accept the claim (full refund of"
                + " 8.00 USD, above the approval threshold)");
    assertThat(replies(held))
        .anySatisfy(
            t ->
                assertThat(t)
                    .startsWith(
                        ":lock: rule *small* (owner <@"
                            + OWNER
                            + ">) asks to *Accept claim*: full refund of 8.00 USD."));
    assertThat(awaitReply(big, "By rule"))
        .contains(
            "did not accept the claim (up to 10.00 USD): 12.00 USD is above"
                + " the rule's limit of 10.00 USD");
    assertThat(awaitReply(chargeback, "By rule"))
        .contains("it is a chargeback or in pre-arbitration");
    assertThat(awaitReply(small, "By rule"))
        .contains("accepted the claim: full refund of 4.00 USD");
    assertThat(desk.sim.requestsTo("accept-claim"))
        .singleElement()
        .satisfies(r -> assertThat(r.pathAndQuery()).contains(small));
    assertThat(
            TestDatabases.count(
                desk.app().database(),
                "SELECT COUNT(*) FROM actions WHERE dispute_id = '"
                    + held
                    + "' AND status = 'AWAITING_APPROVAL' AND requested_by = '"
                    + OWNER
                    + "'"))
        .isEqualTo(1);

    // The second approver's click is what sends it.
    long actionId =
        TestDatabases.count(
            desk.app().database(), "SELECT id FROM actions WHERE dispute_id = '" + held + "'");
    SlackMessage request =
        slack.replies(BotDesk.CHANNEL, held).stream()
            .filter(m -> m.text().startsWith(":lock:"))
            .findFirst()
            .orElseThrow();
    SignedPost.Reply click =
        new SignedPost(
                URI.create("http://127.0.0.1:" + desk.app().port() + "/slack/events"),
                new SlackSigner(SECRET))
            .send(
                SlackRequests.blockAction(Ids.APPROVE)
                    .value(Long.toString(actionId))
                    .user(BOSS, "boss")
                    .triggerId(desk.slack.issueTrigger(BOSS))
                    .actionTs("1732700042.000001")
                    .inMessage(
                        BotDesk.CHANNEL,
                        request.ts(),
                        desk.slack.hooksUrlFor(BotDesk.CHANNEL, request.ts(), BOSS))
                    .body());
    assertThat(click.status()).isEqualTo(200);
    assertThat(awaitReply(held, "PayPal accepted it"))
        .contains(
            "*Accept claim* by rule *small* (owner <@"
                + OWNER
                + ">) (approved by <@"
                + BOSS
                + ">)");
    assertThat(desk.sim.count("accept-claim")).isEqualTo(2);
  }

  @Test
  void aFailingActionIsReportedInTheThreadAndToTheOwnerAndNotRetried() {
    start(
        "[{name: greet, owner: "
            + OWNER
            + ", trigger: [new dispute, buyer message], mode: on,"
            + " actions: [{message: 'Hello {buyer_name}'}]}]");
    desk.sim.refuseNext("send-message", "MESSAGE_NOT_ALLOWED", null);
    String id = dispute("30.00", "Ann");
    desk.pollAndSettle();

    assertThat(awaitReply(id, "By rule"))
        .contains(
            ":warning: By rule *greet*",
            ":x: could not send the buyer a" + " message",
            "not retried");
    Await.until(
        "the owner's direct message",
        () -> !desk.slack.messages("D" + OWNER.substring(1)).isEmpty());
    assertThat(desk.slack.messages("D" + OWNER.substring(1)))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("Your rule *greet* failed on dispute " + id));
    // The notes go out before the run is recorded failed: wait until the bot is idle.
    desk.settle();
    assertThat(
            TestDatabases.count(
                desk.app().database(), "SELECT COUNT(*) FROM rule_runs WHERE status = 'FAILED'"))
        .isEqualTo(1);

    desk.app().close();
    desk.start();
    desk.pollAndSettle();
    desk.sim.addBuyerMessage(id, "Hello?");
    desk.pollAndSettle();
    awaitReply(id, "on buyer message");
    assertThat(desk.sim.count("send-message"))
        .as("the refused one, then the buyer message's own")
        .isEqualTo(2);
    assertThat(runs()).isEqualTo(2);
  }

  @Test
  void anOwnerWhoIsNotAnApproverAfterAllHasTheAcceptRefusedReportedAndListed() {
    // Approvers are a user group here, so the start cannot tell; Carol is not in it.
    desk.with("APPROVERS", TEAM).with("AGENTS", CAROL);
    start(
        "[{name: refunds, owner: "
            + CAROL
            + ", trigger: new dispute, mode: on, actions: [{accept: 10 USD}]}]");
    String id = dispute("8.00", "Ann");
    desk.pollAndSettle();

    assertThat(awaitReply(id, "By rule"))
        .contains(
            ":x: could not accept the claim (up to 10.00 USD): Only approvers"
                + " can use *Accept claim*.");
    Await.until(
        "the owner's direct message",
        () -> !desk.slack.messages("D" + CAROL.substring(1)).isEmpty());
    assertThat(desk.sim.count("accept-claim")).isZero();
    assertThat(
            TestDatabases.count(
                desk.app().database(),
                "SELECT COUNT(*) FROM audit_log WHERE action = 'ACCEPT_CLAIM'"
                    + " AND outcome = 'DENIED' AND user_id = '"
                    + CAROL
                    + "'"))
        .isEqualTo(1);
    assertThat(command("rules", ALICE))
        .contains(
            ":warning: <@" + CAROL + "> is not an approver now, so its accepts" + " are refused.");
  }

  @Test
  void aRunCutShortByAStopIsReportedAsFailedAtTheNextStartAndNotRunAgain() {
    start(
        "[{name: greet, owner: "
            + OWNER
            + ", trigger: status change, mode: on, actions: [{mention: "
            + CAROL
            + "}]}]");
    String id = dispute("20.00", "Ann");
    desk.pollAndSettle();
    desk.app().close();
    // As a process that died after claiming the run, before finishing it, leaves it.
    try (Database db = Database.open(desk.databaseUrl(), desk.clock)) {
      db.updateOne(
          "INSERT INTO rule_runs (rule_name, dispute_id, occurrence, mode, status, claimed_at)"
              + " VALUES ('greet', ?, 'status:1:UNDER_REVIEW', 'on', 'CLAIMED', ?)",
          ps -> {
            ps.setString(1, id);
            ps.setLong(2, Instant.now().minus(Duration.ofHours(1)).toEpochMilli());
          });
    }

    desk.start();
    assertThat(awaitReply(id, "failed before acting"))
        .contains(
            "Rule *greet* (owner <@"
                + OWNER
                + ">) failed before"
                + " acting: the bot stopped while the rule ran",
            "It is not retried");
    Await.until(
        "the owner's direct message",
        () -> !desk.slack.messages("D" + OWNER.substring(1)).isEmpty());
    assertThat(
            TestDatabases.count(
                desk.app().database(), "SELECT COUNT(*) FROM rule_runs WHERE status = 'FAILED'"))
        .isEqualTo(1);
    assertThat(replies(id)).noneSatisfy(t -> assertThat(t).startsWith("<@" + CAROL + ">"));
  }

  @Test
  void aRunWhoseEndCannotBeRecordedSaysOnlyThatItFailedNeverAlsoThatItWasDone() {
    start(
        "[{name: greet, owner: "
            + OWNER
            + ", trigger: new dispute, mode: on, actions: [{mention: "
            + CAROL
            + "}]}]");
    // The database refuses to record a run as done, as if it failed right after the rule acted.
    Database db = desk.app().database();
    // (This class runs on SQLite.)
    TestDatabases.refuse(
        db, "refuse_done", "BEFORE UPDATE OF status ON rule_runs", "NEW.status = 'DONE'");
    String id = dispute("20.00", "Ann");
    desk.pollAndSettle();

    assertThat(awaitReply(id, "failed before acting")).contains("Rule *greet*", "not retried");
    desk.settle();
    assertThat(replies(id))
        .as("the mention was made; the note that said the run was done went with its record")
        .anySatisfy(t -> assertThat(t).startsWith("<@" + CAROL + ">: rule *greet*"))
        .noneSatisfy(t -> assertThat(t).contains("By rule *greet*"));
    assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM rule_runs WHERE status = 'FAILED'"))
        .isEqualTo(1);
    assertThat(runs()).isEqualTo(1);
  }

  @Test
  void pauseStopsEveryRuleOnEveryTriggerUntilResumedAndOnlyApproversMayDoIt() {
    start(
        "[{name: greet, owner: "
            + OWNER
            + ", trigger: new dispute, actions: [{mention: "
            + CAROL
            + "}]}]");
    assertThat(command("rules pause", ALICE))
        .startsWith(":no_entry: Only approvers can pause rules.");
    assertThat(command("rules pause", OWNER)).startsWith(":double_vertical_bar: Paused all rules");
    assertThat(command("rules", ALICE))
        .contains(
            "*All rules are paused* by <@" + OWNER + ">",
            "*greet* ·" + " :double_vertical_bar: paused (mode dry-run)");
    String whilePaused = dispute("20.00", "Ann");
    desk.pollAndSettle();

    assertThat(command("rules resume", BOSS)).startsWith(":arrow_forward: Resumed all rules");
    String afterwards = dispute("21.00", "Ben");
    desk.pollAndSettle();

    awaitReply(afterwards, "Dry run");
    // Rules run in order: the note of the later dispute means the earlier one was looked at and
    // left alone.
    assertThat(replies(whilePaused)).noneSatisfy(t -> assertThat(t).contains("rule"));
    assertThat(runs()).isEqualTo(1);
  }

  @Test
  void theRulesListSaysEachRulesOwnerTriggerFilterActionsModeAndState() {
    start(
        "[{name: take-turns, owner: "
            + OWNER
            + ", trigger: new dispute, mode: on, actions: [{assign: round-robin "
            + TEAM
            + "}]}, {name: small, owner: "
            + OWNER
            + ", trigger: [stage change, due within 48h], when: inr 0-10 USD,"
            + " actions: [{accept: 10 USD}, {message: 'Hi {buyer_name}'}]}]");
    assertThat(command("rules pause small", OWNER))
        .startsWith(":double_vertical_bar: Paused rule *small*");

    String list = command("rules", ALICE);
    assertThat(list)
        .contains(
            ":robot_face: *Automation rules* (2)",
            "*take-turns* · :large_green_circle: on\nOwner <@"
                + OWNER
                + "> · when new dispute · for `everything`"
                + "\nActions: assign (round-robin over <!subteam^"
                + TEAM
                + ">)",
            "*small* · :double_vertical_bar: paused by <@"
                + OWNER
                + "> (mode dry-run)\nOwner <@"
                + OWNER
                + "> · when"
                + " stage change or due within 2d · for `inr 0-10 USD`\nActions: accept"
                + " claims up to 10.00 USD; message “Hi {buyer_name}”");
    assertThat(command("rules resume small", OWNER))
        .startsWith(":arrow_forward: Resumed rule *small*");
    assertThat(command("rules", ALICE)).contains("*small* · :test_tube: dry-run");
  }

  @Test
  void roundRobinSkipsWhoeverIsAwayUntilTheyAreBack() {
    start(
        "[{name: take-turns, owner: "
            + OWNER
            + ", trigger: new dispute, mode: on, actions: [{assign: round-robin "
            + TEAM
            + "}]}]");
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertThat(command("away until " + tomorrow, ALICE))
        .startsWith(":palm_tree: You are away until the end of");
    assertThat(command("away", ALICE)).startsWith(":palm_tree: You are away until");
    assertThat(command("away until yesterday", ALICE)).contains("is not a date");

    String first = dispute("20.00", "Ann");
    desk.pollAndSettle();
    assertThat(awaitReply(first, "By rule")).contains("assigned it to <@" + BOB + ">");
    String second = dispute("21.00", "Ben");
    desk.pollAndSettle();
    assertThat(awaitReply(second, "By rule"))
        .as("Bob again: Alice is away")
        .contains("assigned it to <@" + BOB + ">");

    assertThat(command("away off", ALICE)).startsWith(":wave: Welcome back");
    String third = dispute("22.00", "Cy");
    desk.pollAndSettle();
    assertThat(awaitReply(third, "By rule")).contains("assigned it to <@" + ALICE + ">");
  }
}
