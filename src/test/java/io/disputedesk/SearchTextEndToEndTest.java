package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.store.Database;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.DisputeSeeds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A start fills the search text of the disputes an earlier release stored without it, once every
 * account has polled.
 */
class SearchTextEndToEndTest {
  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  @Test
  void aStartFillsTheSearchTextOfDisputesStoredWithoutIt() {
    BotDesk desk = bot.desk();
    desk.start();
    desk.app().close();
    try (Database db = Database.open(desk.databaseUrl(), desk.clock)) {
      new DisputeSeeds(db, desk.clock)
          .dispute("PP-D-8001")
          .buyer("MÜLLER GmbH", null, null)
          .invoices("SHOP-88121")
          .store();
      db.update("UPDATE disputes SET search_text = NULL", ps -> {});
      assertThat(ids(new DisputeQueries(db), "shop-88121")).isEmpty();
    }

    desk.start();
    try (Database db = Database.open(desk.databaseUrl(), desk.clock)) {
      // Filled once every account has polled, so that the first poll is not slowed by it.
      assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM disputes WHERE search_text IS NULL"))
          .isEqualTo(1);
    }
    desk.pollAndSettle();

    try (Database db = Database.open(desk.databaseUrl(), desk.clock)) {
      Await.until(
          "the search text to be filled",
          () ->
              TestDatabases.count(db, "SELECT COUNT(*) FROM disputes WHERE search_text IS NULL")
                  == 0);
      DisputeQueries queries = new DisputeQueries(db);
      assertThat(ids(queries, "shop-88121")).containsExactly("PP-D-8001");
      assertThat(ids(queries, "muller")).containsExactly("PP-D-8001");
    }
  }

  private static List<String> ids(DisputeQueries queries, String text) {
    return queries.search(text, 0, 10).stream().map(DisputeLine::disputeId).toList();
  }
}
