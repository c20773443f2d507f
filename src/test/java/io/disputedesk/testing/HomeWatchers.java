package io.disputedesk.testing;

import io.disputedesk.sim.slack.ApiCall;
import io.disputedesk.sim.slack.Pause;
import java.util.ArrayList;
import java.util.List;

/**
 * Two viewers ({@link People#WATCHERS}) whose Home tabs only the tests open: holding their {@code
 * views.publish} at Slack shows that the bot's background work queued before is done.
 */
public final class HomeWatchers {
  private final DeskDriver desk;

  public HomeWatchers(DeskDriver desk) {
    this.desk = desk;
  }

  /**
   * Waits until the work the bot queued on its background pool (Home publishes) before this call is
   * over: opens two watchers' Home tabs and holds both publishes at Slack. Once both are held, each
   * of the bot's two background threads holds one, so nothing queued before them still runs.
   */
  public void awaitBackgroundIdle() {
    List<Pause> held = new ArrayList<>();
    for (String watcher : People.WATCHERS) {
      held.add(desk.slack.pauseNext("views.publish", Pause.At.BEFORE_HANDLING));
      SignedPost.Reply ack = desk.send(SlackRequests.appHomeOpened(watcher, "Ev" + watcher));
      if (ack.status() != 200) {
        throw new AssertionError("app_home_opened answered " + ack.status());
      }
    }
    try {
      Await.until(
          "both watchers' publishes at Slack", () -> held.stream().allMatch(Pause::hasArrived));
    } finally {
      held.forEach(Pause::release);
    }
  }

  /** The {@code views.publish} calls the bot made, but for the watchers'. */
  public List<ApiCall> viewsPublished() {
    return desk.slack.calls("views.publish").stream()
        .filter(c -> !People.WATCHERS.contains(c.param("user_id")))
        .toList();
  }
}
