package io.disputedesk.sync;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputePage;
import io.disputedesk.paypal.DisputeQuery;
import io.disputedesk.paypal.PayPalClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the disputes updated since a time, page by page, without ever asking PayPal past its page
 * limit. PayPal lists newest creation first, so a window that still has more pages at the limit
 * goes on where it stopped: the same update window, created up to the last dispute read ({@code
 * create_time_before}). Only when that cannot be said within PayPal's 180 days, or the order is not
 * as documented, is the window split in two by update time and read again.
 */
final class WindowedListing {
  static final int PAGE_SIZE = 50;

  /** PayPal serves at most 50 pages of one query. */
  static final int MAX_PAGES = 50;

  private static final Logger log = LoggerFactory.getLogger(WindowedListing.class);

  /**
   * Updated in [from, to]; {@code to} null means up to PayPal's now (its default). {@code
   * createdBefore}, when set, keeps only disputes created at or before it.
   */
  private record Window(Instant from, Instant to, Instant createdBefore) {}

  /** What a listing cost: list pages read, windows (queries) started, and items PayPal sent. */
  record Stats(int pages, int windows, int items) {}

  private final PayPalClient paypal;
  private final int maxPages;

  WindowedListing(PayPalClient paypal, int maxPages) {
    if (maxPages < 1 || maxPages > MAX_PAGES) {
      throw new IllegalArgumentException("maxPages must be 1 to " + MAX_PAGES);
    }
    this.paypal = paypal;
    this.maxPages = maxPages;
  }

  /**
   * Feeds every page of disputes updated at or after {@code from} to {@code sink}. The sink may see
   * a dispute twice (the last one read before a window goes on, ties on its creation time, or
   * disputes of a window split by update time) and must de-duplicate. {@code oldest} is the
   * earliest time PayPal accepts in a filter (its 180-day rule, with margin).
   */
  Stats list(Instant from, Instant now, Instant oldest, Consumer<List<Dispute>> sink) {
    Deque<Window> todo = new ArrayDeque<>();
    todo.push(new Window(from, null, null));
    int pages = 0;
    int windows = 0;
    int items = 0;
    while (!todo.isEmpty()) {
      Window w = todo.pop();
      windows++;
      DisputePage page = paypal.listDisputes(query(w));
      Order order = new Order();
      int inWindow = 1;
      pages++;
      items += page.items().size();
      order.see(page.items());
      sink.accept(page.items());
      while (page.hasNext()) {
        if (inWindow >= maxPages) {
          goOn(w, order, now, oldest, todo);
          break;
        }
        page = paypal.listNext(page.nextLink().get());
        inWindow++;
        pages++;
        items += page.items().size();
        order.see(page.items());
        sink.accept(page.items());
      }
    }
    return new Stats(pages, windows, items);
  }

  private static DisputeQuery query(Window w) {
    // The open window leaves update_time_before to PayPal ("now" by PayPal's clock), so neither
    // clock skew nor an update in the same millisecond as our clock reading hides a change.
    DisputeQuery.Builder q = DisputeQuery.builder().updateTimeAfter(w.from()).pageSize(PAGE_SIZE);
    if (w.to() != null) {
      q.updateTimeBefore(w.to());
    }
    if (w.createdBefore() != null) {
      q.createTimeBefore(w.createdBefore());
    }
    return q.build();
  }

  /** Queues the rest of a window that reached the page limit. */
  private static void goOn(Window w, Order order, Instant now, Instant oldest, Deque<Window> todo) {
    // One millisecond past the last creation time read: the rest (and its ties, read again) are at
    // or before it, whether PayPal's create_time_before is inclusive or not.
    // It must leave out something already read, or it would only read the same pages again.
    boolean progresses = order.inOrder && order.last != null && order.last.isBefore(order.first);
    Instant bound = progresses ? order.last.plusMillis(1) : null;
    if (progresses && !bound.isBefore(oldest)) {
      todo.push(new Window(w.from(), w.to(), bound));
      return;
    }
    split(w, now, todo);
  }

  private static void split(Window w, Instant now, Deque<Window> todo) {
    Instant end = w.to() != null ? w.to() : now;
    long span = Duration.between(w.from(), end).toMillis();
    if (span < 2) {
      log.error(
          "More disputes changed between {} and {} than PayPal pages through; some are read on the next poll",
          w.from(),
          end);
      return;
    }
    Instant mid = w.from().plusMillis(span / 2).truncatedTo(ChronoUnit.MILLIS);
    // Both halves include mid, so nothing on the boundary is lost.
    todo.push(new Window(w.from(), mid, w.createdBefore()));
    todo.push(new Window(mid, w.to(), w.createdBefore()));
  }

  /**
   * Follows the creation times of one window's items: still newest first, the first and last seen.
   */
  private static final class Order {
    private Instant first;
    private Instant last;
    private boolean inOrder = true;

    void see(List<Dispute> items) {
      for (Dispute d : items) {
        Instant created = d == null ? null : d.createTime();
        if (created == null) {
          inOrder = false;
        } else {
          if (last != null && created.isAfter(last)) {
            inOrder = false;
          }
          if (first == null) {
            first = created;
          }
          last = created;
        }
      }
    }
  }
}
