package io.disputedesk.slack.home;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SlackRequests;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Home tab's "Your numbers": open cases, cases due this week and the 90-day win rate, as text
 * bars.
 */
class HomeNumbersTest {
  /** Friday 20 November 2026; the week ends on Monday 23 November, 00:00 UTC. */
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  static final Duration HOUR = Duration.ofHours(1);
  static final Duration DAY = Duration.ofDays(1);

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forHomeAt(NOW));

  DeskDriver desk;

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
  }

  @Test
  void barsShowThePersonsOwnOpenCasesDeadlinesThisWeekAndWinRate() {
    desk.seeds.dispute("PP-D-3001").sellerDue(NOW.plus(HOUR.multipliedBy(20))).store();
    desk.seeds.dispute("PP-D-3002").sellerDue(NOW.plus(HOUR.multipliedBy(100))).store();
    desk.seeds.dispute("PP-D-3003").sellerDue(NOW.minus(HOUR.multipliedBy(5))).store();
    desk.seeds
        .dispute("PP-D-3004")
        .resolved("RESOLVED_SELLER_FAVOUR", null, NOW.minus(DAY.multipliedBy(10)))
        .store();
    desk.seeds
        .dispute("PP-D-3005")
        .resolved("RESOLVED_BUYER_FAVOUR", "5.00", NOW.minus(DAY.multipliedBy(20)))
        .store();
    desk.seeds
        .dispute("PP-D-3006")
        .resolved("RESOLVED_BUYER_FAVOUR", null, NOW.minus(DAY.multipliedBy(100)))
        .store();
    desk.seeds.dispute("PP-D-3007").sellerDue(NOW.plus(HOUR)).store();
    desk.seeds.dispute("PP-D-3008").resolved("CANCELED_BY_BUYER", null, NOW.minus(DAY)).store();
    for (String id :
        new String[] {
          "PP-D-3001", "PP-D-3002", "PP-D-3003", "PP-D-3004", "PP-D-3005", "PP-D-3006", "PP-D-3008"
        }) {
      desk.owners.assign(id, ALICE, BOB);
    }
    desk.owners.assign("PP-D-3007", BOB, BOB);

    JsonNode blocks = open(ALICE).path("blocks");

    assertThat(blocks.get(2).path("text").path("text").asText())
        .isEqualTo(
            "*Your numbers*\n```"
                + "Open cases      ▇▇▇▇▇▇▇▇▇▇  3\n"
                + "Due this week   ▇▇▇▇▇▇▇▁▁▁  2\n"
                + "Win rate, 90 d  ▇▇▇▇▇▇▇▁▁▁  67% (2 of 3)```");
    assertThat(blocks.get(3).path("type").asText()).isEqualTo("context");
    assertThat(blocks.get(4).path("elements").get(0).path("text").asText())
        .isEqualTo("Each dispute is listed once, in the first list it fits.");
    assertThat(blocks.get(5).path("text").path("text").asText()).startsWith("*Your queue* (3)");
  }

  @Test
  void someoneWhoOwnsNothingSeesEmptyBarsAndNoRate() {
    desk.seeds.dispute("PP-D-3101").store();

    JsonNode blocks = open(BOB).path("blocks");

    assertThat(blocks.get(2).path("text").path("text").asText())
        .isEqualTo(
            "*Your numbers*\n```"
                + "Open cases      ▁▁▁▁▁▁▁▁▁▁  0\n"
                + "Due this week   ▁▁▁▁▁▁▁▁▁▁  0\n"
                + "Win rate, 90 d  ▁▁▁▁▁▁▁▁▁▁  — (none of yours decided yet)```");
  }

  @Test
  void aSmallValueStillShowsOneCell() {
    assertThat(PersonalBlocks.bar(1, 100)).isEqualTo("▇▁▁▁▁▁▁▁▁▁");
    assertThat(PersonalBlocks.bar(0, 100)).isEqualTo("▁▁▁▁▁▁▁▁▁▁");
    assertThat(PersonalBlocks.bar(5, 5)).isEqualTo("▇▇▇▇▇▇▇▇▇▇");
  }

  private JsonNode open(String user) {
    assertThat(desk.send(SlackRequests.appHomeOpened(user, "Ev" + user)).status()).isEqualTo(200);
    Await.until("the Home tab of " + user, () -> desk.slack.homeView(user).isPresent());
    return desk.slack.homeView(user).orElseThrow().json();
  }
}
