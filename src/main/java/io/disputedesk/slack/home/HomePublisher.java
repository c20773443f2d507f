package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import io.disputedesk.actions.HomeRefresher;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.dispute.Snooze;
import io.disputedesk.dispute.SnoozeStore;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.sync.SyncState;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and publishes people's Home tabs, in the background. A person's pages live in {@link
 * HomePages}, so every redraw keeps them; each publish carries the hash of the view it was built
 * after, and one that lost a race to a newer publish (Slack answers {@code hash_conflict}) is built
 * again from the newest pages, so a "show more" is never undone by a redraw that started before it.
 * Someone who may not see disputes gets a tab with only a note saying who can grant access (the
 * refusal is audited).
 */
public final class HomePublisher implements HomeRefresher {
  private static final Logger log = LoggerFactory.getLogger(HomePublisher.class);

  /** Publishes guarded by the hash before one that is not (the pages just read are the newest). */
  static final int GUARDED_ATTEMPTS = 2;

  private final DisputeQueries queries;
  private final SyncState syncState;
  private final SnoozeStore snoozes;
  private final HomePages pages;
  private final HomeBuilder builder;
  private final MethodsClient methods;
  private final ReadAccess access;
  private final Executor executor;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * {@code methods} is the bot-token client, e.g. {@code slack.methods(botToken)}; weeks in UTC.
   */
  public HomePublisher(
      DisputeQueries queries,
      SyncState syncState,
      SnoozeStore snoozes,
      HomePages pages,
      HomeBuilder builder,
      MethodsClient methods,
      ReadAccess access,
      Executor executor,
      Clock clock) {
    this(
        queries,
        syncState,
        snoozes,
        pages,
        builder,
        methods,
        access,
        executor,
        clock,
        ZoneOffset.UTC);
  }

  /** As above, with "this week" ending on Monday 00:00 in {@code zone} (the digest zone). */
  public HomePublisher(
      DisputeQueries queries,
      SyncState syncState,
      SnoozeStore snoozes,
      HomePages pages,
      HomeBuilder builder,
      MethodsClient methods,
      ReadAccess access,
      Executor executor,
      Clock clock,
      ZoneId zone) {
    this.zone = zone;
    this.queries = queries;
    this.syncState = syncState;
    this.snoozes = snoozes;
    this.pages = pages;
    this.builder = builder;
    this.methods = methods;
    this.access = access;
    this.executor = executor;
    this.clock = clock;
  }

  /** Re-publishes the person's Home tab where they left its lists. */
  @Override
  public void refreshFor(String userId) {
    later(userId, () -> publish(userId));
  }

  /** After a "show more" click: moves that list (the others keep their place) and publishes. */
  void moveLater(String userId, String buttonValue) {
    later(
        userId,
        () -> {
          HomeState.move(buttonValue).ifPresent(move -> pages.move(userId, move));
          publish(userId);
        });
  }

  private void later(String userId, Runnable work) {
    try {
      executor.execute(work);
    } catch (RejectedExecutionException e) {
      log.warn(
          "Home tab publish for {} dropped: the background queue is full or shut down", userId);
    }
  }

  /**
   * Publishes now from the stored pages; a failure is logged (the next open or change publishes
   * again).
   */
  void publish(String userId) {
    publish(userId, pages.load(userId));
  }

  /** Publishes a view built from {@code read}; after a lost race, again from the newest pages. */
  void publish(String userId, HomePages.Stored read) {
    HomePages.Stored current = read;
    for (int attempt = 1; attempt <= GUARDED_ATTEMPTS + 1; attempt++) {
      String hash = attempt <= GUARDED_ATTEMPTS ? current.hash() : null;
      switch (publishOnce(userId, current.state(), hash)) {
        case DONE, FAILED -> {
          return;
        }
        case CONFLICT -> current = pages.load(userId);
      }
    }
  }

  private enum Result {
    DONE,
    CONFLICT,
    FAILED
  }

  private Result publishOnce(String userId, HomeState state, String hash) {
    try {
      Optional<String> refused = access.refusal(userId, "HOME", null);
      ObjectNode view =
          refused.isPresent()
              ? builder.noAccess(refused.get())
              : builder.build(userId, data(userId, state), clock.instant());
      ViewsPublishResponse response =
          methods.viewsPublish(r -> r.userId(userId).hash(hash).viewAsString(view.toString()));
      if (response.isOk()) {
        if (response.getView() != null && response.getView().getHash() != null) {
          pages.saveHash(userId, response.getView().getHash());
        }
        return Result.DONE;
      }
      if ("hash_conflict".equals(response.getError())) {
        return Result.CONFLICT;
      }
      log.warn(
          "views.publish for {} failed: {} {}",
          userId,
          response.getError(),
          response.getResponseMetadata() == null
              ? ""
              : response.getResponseMetadata().getMessages());
    } catch (IOException | SlackApiException e) {
      log.warn("views.publish for {} failed: {}", userId, e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      log.error("Building the Home tab for {} failed", userId, e);
    }
    return Result.FAILED;
  }

  /**
   * The four lists, each dispute in the first one it fits: yours; then due within 72 h (not yours);
   * then unassigned (not due within 72 h); then waiting for the buyer (someone else's).
   */
  HomeData data(String userId, HomeState state) {
    Instant now = clock.instant();
    Instant nextMonday =
        now.atZone(zone)
            .toLocalDate()
            .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .atStartOfDay(zone)
            .toInstant();
    HomeData.Page queue = page(ListFilter.mine(userId), state.queue(), HomeBuilder.QUEUE_PAGE, now);
    HomeData.Page due =
        page(
            ListFilter.due(ListFilter.DEFAULT_DUE_WITHIN).except(userId, DisputeView.MINE),
            state.due(),
            HomeBuilder.DUE_PAGE,
            now);
    HomeData.Page unassigned =
        page(
            ListFilter.of(DisputeView.UNASSIGNED).except(null, DisputeView.DUE),
            state.unassigned(),
            HomeBuilder.UNASSIGNED_PAGE,
            now);
    HomeData.Page buyer =
        page(
            ListFilter.of(DisputeView.WAITING_BUYER)
                .except(userId, DisputeView.MINE, DisputeView.UNASSIGNED),
            state.buyer(),
            HomeBuilder.BUYER_PAGE,
            now);
    return new HomeData(
        queries.personal(userId, nextMonday, now.minus(Duration.ofDays(90)), now),
        queue,
        due,
        unassigned,
        buyer,
        queries.atRisk(),
        queries.overdueCount(now),
        new HomeData.Health(
            syncState.instant(HealthKeys.POLL_LAST_SUCCESS).orElse(null),
            syncState.string(HealthKeys.POLL_LAST_ERROR).orElse(null),
            syncState.instant(HealthKeys.POLL_LAST_ERROR_AT).orElse(null)),
        snoozed(List.of(queue, due, unassigned, buyer), now));
  }

  /**
   * The snoozes that keep the listed disputes asleep at {@code now}, by dispute id: read for the
   * listed disputes only, however many the workspace has snoozed.
   */
  private Map<String, Snooze> snoozed(List<HomeData.Page> pages, Instant now) {
    Map<String, DisputeLine> listed = new HashMap<>();
    pages.forEach(p -> p.lines().forEach(l -> listed.put(l.disputeId(), l)));
    Map<String, Snooze> snoozed = new HashMap<>();
    for (Snooze s : snoozes.asleepOf(listed.keySet())) {
      DisputeLine line = listed.get(s.disputeId());
      if (line != null && s.sleepsAt(now, line.sellerDue())) {
        snoozed.put(s.disputeId(), s);
      }
    }
    return snoozed;
  }

  private HomeData.Page page(ListFilter filter, int offset, int size, Instant now) {
    long total = queries.count(filter, now);
    int start = offset >= total ? 0 : offset;
    return new HomeData.Page(queries.list(filter, now, start, size), total, start);
  }
}
