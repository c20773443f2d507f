package io.disputedesk.slack;

import io.disputedesk.paypal.Sleeper;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces an outbox sender's Slack writes: posts per channel, and updates in place ({@code
 * chat.update}) workspace-wide on their own, as Slack rates and limits each method apart.
 */
final class SenderPacing {
  private static final String UPDATE_METHOD = "chat.update";
  private static final String UPDATE_KEY = "workspace";

  private final Pacer posts;

  /** Card updates and replies updated in place, workspace-wide: one key. */
  private final Pacer updates;

  private final Sleeper sleeper;

  SenderPacing(SenderSettings settings, Sleeper sleeper) {
    this.posts = new Pacer(settings.sendInterval());
    this.updates = new Pacer(settings.updateInterval());
    this.sleeper = sleeper;
  }

  /** How long a write to {@code channel} (an update in place: {@code asUpdate}) must wait. */
  Duration waitFor(boolean asUpdate, String channel, Instant now) {
    return pacer(asUpdate).waitFor(key(asUpdate, channel), now);
  }

  /** A write to {@code channel} (an update in place: {@code asUpdate}) was made at {@code at}. */
  void wrote(boolean asUpdate, String channel, Instant at) {
    pacer(asUpdate).wrote(key(asUpdate, channel), at);
  }

  /**
   * Slack limited {@code method} until {@code until}: a limited {@code chat.update} holds back only
   * updates, any other method only the channel's posts.
   */
  void rateLimited(String method, String channel, Instant until) {
    if (UPDATE_METHOD.equals(method)) {
      updates.pause(UPDATE_KEY, until);
    } else {
      posts.pause(channel, until);
    }
  }

  /** Waits for the channel's next post slot, booked for a post from another thread. */
  void awaitPost(String channel, Instant now) {
    pause(posts.reserve(channel, now));
  }

  /** Sleeps for {@code wait}; an interrupt ends the sleep and is kept for the caller to see. */
  void pause(Duration wait) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Pacer pacer(boolean asUpdate) {
    return asUpdate ? updates : posts;
  }

  private String key(boolean asUpdate, String channel) {
    return asUpdate ? UPDATE_KEY : channel;
  }
}
