package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimStage;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rule's trigger is recorded with the change that brought it: when the bot stops after the sync's
 * commit and before the rules ran, the next start runs the rule, once (simulator, local Slack, the
 * started app on SQLite).
 */
class RuleTriggersEndToEndTest {
  static final String OWNER = "U0OWNER001";

  @RegisterExtension
  final BotDeskExtension bot =
      BotDeskExtension.of(
          DeskOptions.defaults()
              .with("APPROVERS", OWNER)
              .with(
                  "RULES",
                  "[{name: greet, owner: "
                      + OWNER
                      + ", trigger: [new dispute,"
                      + " buyer message], mode: on, actions: [{message: 'Hello {buyer_name}'}]}]"));

  private BotDesk desk;
  private Channels slack;

  @BeforeEach
  void setUp() {
    desk = bot.desk();
    slack = new Channels(desk.slack);
    desk.pollAndSettle();
  }

  private String dispute(String buyer) {
    return desk.sim.createDispute(
        SimDisputeSpec.builder()
            .stage(SimStage.INQUIRY)
            .amount("20.00", "USD")
            .buyerName(buyer)
            .sellerDueDate(Instant.parse("2030-05-01T12:00:00Z"))
            .createTime(Instant.now().minus(Duration.ofMinutes(5)))
            .build());
  }

  private List<String> notes(String disputeId) {
    return slack.replies(BotDesk.CHANNEL, disputeId).stream()
        .map(SlackMessage::text)
        .filter(t -> t.startsWith(":gear: By rule *greet*"))
        .toList();
  }

  private long count(String sql) {
    return TestDatabases.count(desk.app().database(), sql);
  }

  @Test
  void triggersCommittedJustBeforeAStopRunTheirRuleOnceAtTheNextStart() {
    // The rules stop as they do when the bot stops; the sync goes on committing.
    desk.app().stopOnly("rules");
    String id = dispute("Ann");
    desk.pollAndSettle();
    desk.sim.addBuyerMessage(id, "Where is my parcel?");
    desk.pollAndSettle();

    assertThat(slack.card(BotDesk.CHANNEL, id))
        .as("the sync stored the dispute and posted its card")
        .isNotNull();
    assertThat(
            count(
                "SELECT COUNT(*) FROM rule_triggers WHERE dispute_id = '"
                    + id
                    + "' AND done_at IS NULL"))
        .as("the new dispute and the buyer's message, recorded with them")
        .isEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM rule_runs")).isZero();
    assertThat(desk.sim.count("send-message")).isZero();

    desk.app().close();
    desk.start();
    Await.until("the rule on both triggers", () -> notes(id).size() == 2);
    assertThat(notes(id))
        .anySatisfy(t -> assertThat(t).contains("on new dispute"))
        .anySatisfy(t -> assertThat(t).contains("on buyer message"));

    // Later polls, another stop and start, and a fresh dispute run nothing twice.
    desk.pollAndSettle();
    desk.pollAndSettle();
    desk.app().close();
    desk.start();
    desk.pollAndSettle();
    String marker = dispute("Bo");
    desk.pollAndSettle();
    Await.until("the rule on the fresh dispute", () -> notes(marker).size() == 1);
    // The note goes out before its run is recorded done: wait until the bot is idle.
    desk.settle();
    assertThat(notes(id)).hasSize(2);
    assertThat(desk.sim.count("send-message")).as("one message per occurrence").isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM rule_runs WHERE status = 'DONE'")).isEqualTo(3);
    assertThat(count("SELECT COUNT(*) FROM rule_triggers WHERE done_at IS NULL")).isZero();
  }
}
