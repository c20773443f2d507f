package io.disputedesk.testing;

import java.util.List;
import java.util.Locale;

/** The people of the tests' workspace ({@link io.disputedesk.sim.slack.LocalSlack}'s directory). */
public final class People {
  public static final String ALICE = "U0A1B2C3E";
  public static final String BOB = "U0A1B2C3M";
  public static final String CAROL = "U0A1B2C3N";
  public static final String ERIN = "U0A1B2C3R";
  public static final String DAVE = "U0A1B2C3Q";

  /** A bot user: not someone a dispute can be assigned to. */
  public static final String BOT = "U0A1B2BOT";

  /** In VIEWERS only (in the Home and command tests): may see disputes, not act on them. */
  public static final String VIEWER = "U0A1B2C3V";

  /** Not a viewer, agent or approver (and not in the workspace directory). */
  public static final String OUTSIDER = "U0OUTSIDE";

  /** Viewers whose Home tabs only {@link HomeWatchers#awaitBackgroundIdle} opens. */
  public static final List<String> WATCHERS = List.of("U0WATCH01", "U0WATCH02");

  private People() {}

  /** The user name Slack sends with a person's requests. */
  public static String nameOf(String user) {
    return switch (user) {
      case ALICE -> "alice";
      case BOB -> "bob";
      case CAROL -> "carol";
      case ERIN -> "erin";
      default -> user.toLowerCase(Locale.ROOT);
    };
  }
}
