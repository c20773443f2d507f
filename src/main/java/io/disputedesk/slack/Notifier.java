package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.sync.DisputeEvent;
import io.disputedesk.sync.DisputeNotices;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Queues Slack writes in the database outbox; the outbox sender delivers them. Each write has a
 * dedupe key that names its intent, so the same intent is posted once however often it is queued
 * (restarts, retries, replicas). A dispute's writes go to every channel its routes name: one card
 * per channel, and each thread reply under each of its cards. A key names its channel unless it is
 * the default channel, so keys of a single-channel bot stay what they always were.
 */
public final class Notifier implements DisputeNotices {
  public static final String CARD = "CARD";
  public static final String THREAD = "THREAD";
  public static final String MESSAGE = "MESSAGE";
  public static final String FILE = "FILE";

  /** An in-place update ({@code chat.update}) of a thread reply posted before; see ThreadEdit. */
  public static final String EDIT = "EDIT";

  private final OutboxStore outbox;
  private final ObjectMapper mapper;
  private final String channel;
  private final Runnable wakeUp;
  private final CardRouting routing;
  private final CardStore cards;

  /**
   * {@code wakeUp} nudges the sender to deliver now instead of at its next tick. Every card in
   * {@code channel}.
   */
  public Notifier(OutboxStore outbox, ObjectMapper mapper, String channel, Runnable wakeUp) {
    this(outbox, mapper, channel, wakeUp, CardRouting.fixed(channel), null);
  }

  /**
   * Cards where {@code routing} puts them; {@code cards} (nullable) finds the cards a dispute has
   * in channels it has left, which get one last update saying where it went.
   */
  public Notifier(
      OutboxStore outbox,
      ObjectMapper mapper,
      String channel,
      Runnable wakeUp,
      CardRouting routing,
      CardStore cards) {
    this.outbox = outbox;
    this.mapper = mapper;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.wakeUp = wakeUp;
    this.routing = Objects.requireNonNull(routing, "routing");
    this.cards = cards;
  }

  /** The default channel: cards no route claims, the import summary, the default digest. */
  @Override
  public String channel() {
    return channel;
  }

  /**
   * Posts the dispute's card, or updates it in place, in each channel it is routed to, from the
   * dispute's latest stored state at send time; a card in a channel it is no longer routed to is
   * updated once more to say so. {@code reason} makes the intent unique, e.g. the dispute's update
   * time or {@code assign:<millis>}. True when a write was queued that was not queued before.
   */
  @Override
  public boolean refreshCard(String disputeId, String reason) {
    return queueCards(disputeId, reason, null);
  }

  /** The payload of a CARD row that only redraws a card already posted (it never posts one). */
  public static final String REDRAW = "redraw";

  /**
   * Redraws the dispute's cards in the channels it is routed to (new order facts). Not a change of
   * the dispute, so it posts no card where there is none when the row goes out (a channel whose
   * route the dispute matches only since, say a new subscription); a card posted just before, in
   * the same dispute's row order, is redrawn.
   */
  @Override
  public boolean redrawCards(String disputeId, String reason) {
    return queueCards(disputeId, reason, REDRAW);
  }

  /**
   * Queues a CARD row with {@code payload} in each channel the dispute is routed to and each where
   * its card is still marked routed; true when one was queued that was not queued before.
   */
  private boolean queueCards(String disputeId, String reason, String payload) {
    Set<String> channels = new LinkedHashSet<>(routing.channelsFor(disputeId));
    if (cards != null) {
      cards.forDispute(disputeId).stream()
          .filter(Card::routed)
          .forEach(c -> channels.add(c.channel()));
    }
    boolean queued = false;
    for (String ch : channels) {
      queued |=
          enqueue(
              new OutboxEntry(
                  "card:" + disputeId + ":" + reason + in(ch), CARD, ch, disputeId, payload));
    }
    return queued;
  }

  /**
   * Posts the dispute's card in {@code channel} only (a backfill of a new route), keyed by {@code
   * key}.
   */
  public boolean cardIn(String channelId, String disputeId, String key) {
    return enqueue(
        new OutboxEntry(
            "card:" + disputeId + ":" + key + in(channelId), CARD, channelId, disputeId, null));
  }

  /**
   * Replies in the thread of each of the dispute's routed cards (each card is posted first if need
   * be).
   */
  public boolean threadReply(String disputeId, String dedupeKey, SlackPost post) {
    return threadReply(disputeId, dedupeKey, post, post);
  }

  /**
   * As {@link #threadReply(String, String, SlackPost)}, with {@code first} in the thread of the
   * dispute's first channel and {@code others} in the rest (e.g. one mention of the owner, not one
   * per channel).
   */
  public boolean threadReply(
      String disputeId, String dedupeKey, SlackPost first, SlackPost others) {
    List<String> channels = routing.channelsFor(disputeId);
    boolean queued = false;
    for (int i = 0; i < channels.size(); i++) {
      String ch = channels.get(i);
      queued |=
          enqueue(
              new OutboxEntry(
                  threadKey(disputeId, dedupeKey) + in(ch),
                  THREAD,
                  ch,
                  disputeId,
                  json(i == 0 ? first : others)));
    }
    return queued;
  }

  /**
   * Updates in place, to {@code post}, each reply of the dispute's threads queued under a key that
   * starts with {@code keyPrefix} (as given to threadReply), in whichever channel it went to. Each
   * update follows its reply in the dispute's order, so a reply not yet posted is updated once it
   * is; {@code intent} names the update, which is made once per reply. Returns how many updates
   * were queued that were not queued before.
   */
  public int updateThreadReplies(
      String disputeId, String keyPrefix, String intent, SlackPost post) {
    int queued = 0;
    for (OutboxRow reply : outbox.threadReplies(disputeId, threadKey(disputeId, keyPrefix))) {
      if (enqueue(
          new OutboxEntry(
              "edit:" + reply.dedupeKey() + ":" + intent,
              EDIT,
              reply.channel(),
              disputeId,
              json(new ThreadEdit(reply.dedupeKey(), post))))) {
        queued++;
      }
    }
    return queued;
  }

  /** The outbox key of a thread reply queued under {@code dedupeKey}, before its channel. */
  private static String threadKey(String disputeId, String dedupeKey) {
    return "thread:" + disputeId + ":" + dedupeKey;
  }

  /** Posts a top-level message in the default channel (import summary, digest). */
  public boolean channelMessage(String dedupeKey, SlackPost post) {
    return channelMessage(channel, dedupeKey, post);
  }

  /**
   * Posts a top-level message in {@code channelId}; {@code dedupeKey} must name the intent in that
   * channel.
   */
  public boolean channelMessage(String channelId, String dedupeKey, SlackPost post) {
    return enqueue(new OutboxEntry("message:" + dedupeKey, MESSAGE, channelId, null, json(post)));
  }

  /**
   * The event's thread reply (EventReplies) under each of the dispute's cards; nothing for a new
   * dispute.
   */
  @Override
  public boolean event(String disputeId, String dedupeKey, DisputeEvent event, Instant at) {
    return EventReplies.reply(event, at)
        .map(post -> threadReply(disputeId, dedupeKey, post))
        .orElse(false);
  }

  @Override
  public boolean importSummary(
      String channelId, String dedupeKey, int imported, int cards, String account) {
    return channelMessage(
        channelId, dedupeKey, EventReplies.importSummary(imported, cards, account));
  }

  /** The channels the dispute's cards belong in now. */
  @Override
  public List<String> channelsFor(String disputeId) {
    return routing.channelsFor(disputeId);
  }

  private String in(String ch) {
    return ch.equals(channel) ? "" : "@" + ch;
  }

  /**
   * Shares a file with its message in {@code channel} (the weekly report in each digest channel).
   */
  public boolean channelFile(String channel, String dedupeKey, FilePost file) {
    return enqueue(new OutboxEntry("file:" + dedupeKey, FILE, channel, null, json(file)));
  }

  private boolean enqueue(OutboxEntry entry) {
    boolean added = outbox.enqueue(entry);
    if (added && wakeUp != null) {
      // Woken before the commit, the sender would look, find nothing yet and sleep a whole tick.
      outbox.afterCommit(wakeUp);
    }
    return added;
  }

  private String json(Object payload) {
    try {
      return mapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a Slack post", e);
    }
  }
}
