package io.disputedesk.sync;

import java.time.Instant;
import java.util.List;

/**
 * What the sync tells the team about disputes: card refreshes, an event in a card's thread, the
 * first run's summary. The Slack layer decides how they look and queues them ({@code
 * slack.Notifier}). Each write has a dedupe key naming its intent; true when a write was queued
 * that was not before.
 */
public interface DisputeNotices {
  /** The default channel: cards no route claims, the import summary. */
  String channel();

  /** The channels the dispute's cards belong in now. */
  List<String> channelsFor(String disputeId);

  /**
   * Posts or updates the dispute's cards from its latest stored state; {@code reason} makes the
   * intent unique.
   */
  boolean refreshCard(String disputeId, String reason);

  /** Redraws the dispute's cards already posted (new order facts), posting none. */
  boolean redrawCards(String disputeId, String reason);

  /**
   * Records {@code event}, dated {@code at}, in the thread of each of the dispute's cards (not a
   * new dispute: its card says so).
   */
  boolean event(String disputeId, String dedupeKey, DisputeEvent event, Instant at);

  /**
   * The first run's summary in {@code channel}: {@code imported} disputes, {@code cards} of them
   * with a card there.
   */
  boolean importSummary(String channel, String dedupeKey, int imported, int cards, String account);
}
