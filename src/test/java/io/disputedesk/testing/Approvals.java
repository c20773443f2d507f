package io.disputedesk.testing;

import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.slack.Ids;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The second approver's side of an action above the threshold: the request the bot posts in the
 * dispute's thread, and the Approve or Reject click on it.
 */
public final class Approvals {
  private final DeskDriver desk;
  private final Map<Long, String> requestTs = new ConcurrentHashMap<>();

  public Approvals(DeskDriver desk) {
    this.desk = desk;
  }

  /** The thread message asking a second approver about the action. */
  public SlackMessage request(String disputeId, long actionId) {
    Await.until(
        "the approval request is in the thread", () -> find(disputeId, actionId).isPresent());
    return find(disputeId, actionId).orElseThrow();
  }

  private Optional<SlackMessage> find(String disputeId, long actionId) {
    return desk.thread(disputeId).stream()
        .filter(
            m ->
                m.blocks() != null
                    && m.blocks().toString().contains(Ids.APPROVE)
                    && m.blocks().toString().contains("\"value\":\"" + actionId + "\""))
        .findFirst();
  }

  /**
   * Clicks Approve or Reject on the approval request of the action (buttons gone or not: a stale
   * click).
   */
  public SignedPost.Reply decide(String buttonId, String disputeId, long actionId, String user) {
    String ts = requestTs.computeIfAbsent(actionId, a -> request(disputeId, a).ts());
    return desk.clickInThread(buttonId, Long.toString(actionId), user, ts);
  }
}
