package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;

/**
 * Queues Slack writes in the database outbox; the outbox sender delivers them. Each write has a
 * dedupe key that names its intent, so the same intent is posted once however often it is queued
 * (restarts, retries, replicas).
 */
public final class Notifier {
  public static final String CARD = "CARD";
  public static final String THREAD = "THREAD";
  public static final String MESSAGE = "MESSAGE";
  public static final String FILE = "FILE";

  private final OutboxStore outbox;
  private final ObjectMapper mapper;
  private final String channel;
  private final Runnable wakeUp;

  /** {@code wakeUp} nudges the sender to deliver now instead of at its next tick. */
  public Notifier(OutboxStore outbox, ObjectMapper mapper, String channel, Runnable wakeUp) {
    this.outbox = outbox;
    this.mapper = mapper;
    this.channel = Objects.requireNonNull(channel, "channel");
    this.wakeUp = wakeUp;
  }

  /** The channel cards live in. */
  public String channel() {
    return channel;
  }

  /**
   * Posts the dispute's card, or updates it in place, from the dispute's latest stored state at
   * send time. {@code reason} makes the intent unique, e.g. the dispute's update time or
   * {@code assign:<millis>}.
   */
  public boolean refreshCard(String disputeId, String reason) {
    return enqueue(new OutboxEntry("card:" + disputeId + ":" + reason, CARD, channel, disputeId, null));
  }

  /** Replies in the dispute card's thread (after the card is posted). */
  public boolean threadReply(String disputeId, String dedupeKey, SlackPost post) {
    return enqueue(new OutboxEntry("thread:" + disputeId + ":" + dedupeKey, THREAD, channel, disputeId, json(post)));
  }

  /** Posts a top-level message in the disputes channel (import summary, digest). */
  public boolean channelMessage(String dedupeKey, SlackPost post) {
    return enqueue(new OutboxEntry("message:" + dedupeKey, MESSAGE, channel, null, json(post)));
  }

  /** Shares a file with its message in {@code channel} (the weekly report in each digest channel). */
  public boolean channelFile(String channel, String dedupeKey, FilePost file) {
    return enqueue(new OutboxEntry("file:" + dedupeKey, FILE, channel, null, json(file)));
  }

  private boolean enqueue(OutboxEntry entry) {
    boolean added = outbox.enqueue(entry);
    if (added && wakeUp != null) {
      wakeUp.run();
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
