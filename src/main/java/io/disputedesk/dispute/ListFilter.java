package io.disputedesk.dispute;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a dispute list shows: a view, optionally narrowed by reason (a {@code DisputeReason} name)
 * and a minimum amount, and by the rest of the filter words in {@code filter} (accounts, stages,
 * statuses, amount ranges). {@code dueWithin} is the window of {@link DisputeView#DUE}; {@code
 * ownerUserId} the person of {@link DisputeView#MINE}. {@code except} leaves out the disputes
 * another view shows (only MINE, DUE and UNASSIGNED), so that lists shown one under the other never
 * repeat a dispute.
 */
public record ListFilter(
    DisputeView view,
    String reason,
    MinAmount minAmount,
    Duration dueWithin,
    String ownerUserId,
    DisputeFilter filter,
    Set<DisputeView> except) {
  public static final Duration DEFAULT_DUE_WITHIN = Duration.ofHours(72);
  private static final Set<DisputeView> EXCLUDABLE =
      EnumSet.of(DisputeView.MINE, DisputeView.DUE, DisputeView.UNASSIGNED);

  public ListFilter {
    Objects.requireNonNull(view, "view");
    dueWithin = dueWithin == null ? DEFAULT_DUE_WITHIN : dueWithin;
    except = except == null ? Set.of() : Set.copyOf(except);
    boolean needsOwner = view == DisputeView.MINE || except.contains(DisputeView.MINE);
    if (needsOwner && (ownerUserId == null || ownerUserId.isBlank())) {
      throw new IllegalArgumentException("the MINE view needs the owner's user id");
    }
    if (!EXCLUDABLE.containsAll(except) || except.contains(view)) {
      throw new IllegalArgumentException(
          "a list can leave out only the MINE, DUE and UNASSIGNED views, not its own");
    }
    filter =
        filter == null ? DisputeFilter.of(view, reason, minAmount, null) : filter.withView(view);
  }

  public ListFilter(
      DisputeView view,
      String reason,
      MinAmount minAmount,
      Duration dueWithin,
      String ownerUserId,
      DisputeFilter filter) {
    this(view, reason, minAmount, dueWithin, ownerUserId, filter, Set.of());
  }

  public ListFilter(
      DisputeView view,
      String reason,
      MinAmount minAmount,
      Duration dueWithin,
      String ownerUserId) {
    this(view, reason, minAmount, dueWithin, ownerUserId, null, Set.of());
  }

  /**
   * The list of a parsed filter (its view, or open), for {@code ownerUserId} when it is the MINE
   * view.
   */
  public static ListFilter of(DisputeFilter filter, String ownerUserId) {
    DisputeView view = filter.view() == null ? DisputeView.OPEN : filter.view();
    return new ListFilter(
        view,
        filter.singleReason(),
        filter.singleMinimum(),
        filter.dueWithin(),
        view == DisputeView.MINE ? ownerUserId : null,
        filter);
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

  /**
   * The same list without the disputes of {@code views}; {@code userId} is whose MINE means
   * (nullable otherwise).
   */
  public ListFilter except(String userId, DisputeView... views) {
    Set<DisputeView> all = EnumSet.noneOf(DisputeView.class);
    all.addAll(except);
    all.addAll(Set.of(views));
    return new ListFilter(
        view, reason, minAmount, dueWithin, userId != null ? userId : ownerUserId, filter, all);
  }
}
