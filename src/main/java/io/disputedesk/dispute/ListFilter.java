package io.disputedesk.dispute;

import java.time.Duration;
import java.util.Objects;

/**
 * What a dispute list shows: a view, optionally narrowed by reason (a {@code DisputeReason} name)
 * and a minimum amount, and by the rest of the filter words in {@code filter} (accounts, stages,
 * statuses, amount ranges). {@code dueWithin} is the window of {@link DisputeView#DUE};
 * {@code ownerUserId} the person of {@link DisputeView#MINE}.
 */
public record ListFilter(DisputeView view, String reason, MinAmount minAmount, Duration dueWithin, String ownerUserId,
    DisputeFilter filter) {
  public static final Duration DEFAULT_DUE_WITHIN = Duration.ofHours(72);

  public ListFilter {
    Objects.requireNonNull(view, "view");
    dueWithin = dueWithin == null ? DEFAULT_DUE_WITHIN : dueWithin;
    if (view == DisputeView.MINE && (ownerUserId == null || ownerUserId.isBlank())) {
      throw new IllegalArgumentException("the MINE view needs the owner's user id");
    }
    filter = filter == null ? DisputeFilter.of(view, reason, minAmount, null) : filter.withView(view);
  }

  public ListFilter(DisputeView view, String reason, MinAmount minAmount, Duration dueWithin, String ownerUserId) {
    this(view, reason, minAmount, dueWithin, ownerUserId, null);
  }

  /** The list of a parsed filter (its view, or open), for {@code ownerUserId} when it is the MINE view. */
  public static ListFilter of(DisputeFilter filter, String ownerUserId) {
    DisputeView view = filter.view() == null ? DisputeView.OPEN : filter.view();
    return new ListFilter(view, filter.singleReason(), filter.singleMinimum(), filter.dueWithin(),
        view == DisputeView.MINE ? ownerUserId : null, filter);
  }

  public static ListFilter of(DisputeView view) {
    return new ListFilter(view, null, null, null, null);
  }

  public static ListFilter mine(String userId) {
    return new ListFilter(DisputeView.MINE, null, null, null, userId);
  }

  public static ListFilter due(Duration within) {
    return new ListFilter(DisputeView.DUE, null, null, within, null);
  }
}
