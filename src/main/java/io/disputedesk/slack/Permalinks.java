package io.disputedesk.slack;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Links to messages built the way Slack's own permalinks are ({@code
 * <workspace>/archives/<channel>/p<ts digits>}), so lists of many disputes need no {@code
 * chat.getPermalink} call per line.
 */
public final class Permalinks {
  private final Supplier<Optional<String>> workspaceUrl;

  /**
   * {@code workspaceUrl} gives the workspace's URL (auth.test's {@code url}), empty when unknown.
   */
  public Permalinks(Supplier<Optional<String>> workspaceUrl) {
    this.workspaceUrl = workspaceUrl;
  }

  /** The link to the message; empty when the workspace URL or the message is unknown. */
  public Optional<String> of(String channel, String ts) {
    if (channel == null || ts == null) {
      return Optional.empty();
    }
    return workspaceUrl
        .get()
        .map(
            base ->
                (base.endsWith("/") ? base : base + "/")
                    + "archives/"
                    + channel
                    + "/p"
                    + ts.replace(".", ""));
  }

  /** The dispute id linked to its card when there is one, else the id alone. */
  public String cardLink(String disputeId, String channel, String ts) {
    return of(channel, ts)
        .map(url -> Mrkdwn.link(url, disputeId))
        .orElse("`" + Mrkdwn.escape(disputeId) + "`");
  }
}
