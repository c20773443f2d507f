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
 * limit: a window that still has more pages at the limit is split in two by update time.
 */
final class WindowedListing {
  static final int PAGE_SIZE = 50;
  /** PayPal serves at most 50 pages of one query. */
  static final int MAX_PAGES = 50;

  private static final Logger log = LoggerFactory.getLogger(WindowedListing.class);

  /** Updated in [from, to]; {@code to} null means up to PayPal's now (its default). */
  private record Window(Instant from, Instant to) {}

  /** What a listing cost. */
  record Stats(int pages, int windows) {}

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
   * Feeds every page of disputes updated at or after {@code from} to {@code sink}. Pages of a split
   * window are read again in its halves, so the sink sees some disputes twice and must de-duplicate.
   */
  Stats list(Instant from, Instant now, Consumer<List<Dispute>> sink) {
    Deque<Window> todo = new ArrayDeque<>();
    todo.push(new Window(from, null));
    int pages = 0;
    int windows = 0;
    while (!todo.isEmpty()) {
      Window w = todo.pop();
      windows++;
      DisputePage page = paypal.listDisputes(query(w));
      int inWindow = 1;
      pages++;
      sink.accept(page.items());
      while (page.hasNext()) {
        if (inWindow >= maxPages) {
          split(w, now, todo);
          break;
        }
        page = paypal.listNext(page.nextLink().get());
        inWindow++;
        pages++;
        sink.accept(page.items());
      }
    }
    return new Stats(pages, windows);
  }

  private static DisputeQuery query(Window w) {
    // The open window leaves update_time_before to PayPal ("now" by PayPal's clock), so neither
    // clock skew nor an update in the same millisecond as our clock reading hides a change.
    DisputeQuery.Builder q = DisputeQuery.builder().updateTimeAfter(w.from()).pageSize(PAGE_SIZE);
    if (w.to() != null) {
      q.updateTimeBefore(w.to());
    }
    return q.build();
  }

  private static void split(Window w, Instant now, Deque<Window> todo) {
    Instant end = w.to() != null ? w.to() : now;
    long span = Duration.between(w.from(), end).toMillis();
    if (span < 2) {
      log.error("More disputes changed between {} and {} than PayPal pages through; some are read on the next poll",
          w.from(), end);
      return;
    }
    Instant mid = w.from().plusMillis(span / 2).truncatedTo(ChronoUnit.MILLIS);
    // Both halves include mid, so nothing on the boundary is lost.
    todo.push(new Window(w.from(), mid));
    todo.push(new Window(mid, w.to()));
  }
}
