package io.disputedesk.ops;

import io.disputedesk.sync.PollResult;
import io.disputedesk.sync.SyncState;
import java.util.function.Supplier;

/**
 * Counts each scheduled poll in the metrics and, while PayPal webhooks are on, how many changes
 * only polling found (webhooks refresh disputes at once, so a change a poll still finds was missed
 * or delayed by them).
 */
public final class PollAccounting implements Supplier<PollResult> {
  public static final String CHANGES_ONLY_POLLING_FOUND = "webhooks.changes_only_polling_found";

  private final Supplier<PollResult> poll;
  private final Metrics metrics;
  private final SyncState state;
  private final boolean webhooksOn;

  public PollAccounting(
      Supplier<PollResult> poll, Metrics metrics, SyncState state, boolean webhooksOn) {
    this.poll = poll;
    this.metrics = metrics;
    this.state = state;
    this.webhooksOn = webhooksOn;
  }

  @Override
  public PollResult get() {
    PollResult result = poll.get();
    metrics.poll(result.ok() ? (result.firstRun() ? "first_run" : "success") : "failure");
    if (webhooksOn && result.ok() && !result.firstRun() && result.changed() > 0) {
      state.put(CHANGES_ONLY_POLLING_FOUND, String.valueOf(missed() + result.changed()));
    }
    return result;
  }

  /** Changes polling found that webhooks had not delivered, since the counter started. */
  public long missed() {
    return state.string(CHANGES_ONLY_POLLING_FOUND).map(Long::parseLong).orElse(0L);
  }
}
