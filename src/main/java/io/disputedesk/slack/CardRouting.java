package io.disputedesk.slack;

import java.util.List;

/**
 * Which channels a dispute's cards belong in now (its routes, or the default channel when none
 * matches), in order. Asked when a write is queued and again when it is sent, so a card always
 * follows the dispute's latest stored state and the latest routes.
 */
@FunctionalInterface
public interface CardRouting {
  /** Never empty: a dispute not stored (yet) belongs in the default channel. */
  List<String> channelsFor(String disputeId);

  /** Every dispute in one channel: the bot before routes existed. */
  static CardRouting fixed(String channel) {
    List<String> only = List.of(channel);
    return disputeId -> only;
  }
}
