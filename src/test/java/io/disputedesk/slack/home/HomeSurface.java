package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.PersonalStats;
import io.disputedesk.slack.DisputeLines;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Home tab as its builder draws it, with one dispute in the person's queue (for wording tests).
 */
public final class HomeSurface {
  private HomeSurface() {}

  public static ObjectNode render(
      DisputeLines lines, String userId, DisputeLine line, Instant now) {
    HomeData.Page empty = new HomeData.Page(List.of(), 0, 0);
    HomeData data =
        new HomeData(
            new PersonalStats(1, 0, 0, 0),
            new HomeData.Page(List.of(line), 1, 0),
            empty,
            empty,
            empty,
            List.of(),
            0,
            new HomeData.Health(now.minusSeconds(120), null, null),
            Map.of());
    return new HomeBuilder(lines).build(userId, data, now);
  }
}
