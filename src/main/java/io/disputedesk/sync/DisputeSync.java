package io.disputedesk.sync;

import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the stored disputes and their Slack cards in step with PayPal: polls for changes, stores
 * each new or newer dispute, and queues its card update and one thread reply per event.
 */
public final class DisputeSync implements DisputeRefresher {
  public static final String CURSOR = "poll.cursor";
  public static final String LAST_SUCCESS = "poll.last_success";
  public static final String LAST_ERROR = "poll.last_error";
  public static final String LAST_ERROR_AT = "poll.last_error_at";

  private final String account;
  private final PollKeys keys;
  private final PayPalClient paypal;
  private final DisputeNotices notifier;
  private final Clock clock;
  private final SyncPipeline pipeline;
  private final CursorPoll cursorPoll;

  public DisputeSync(
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock) {
    this(paypal, db, disputes, notifier, state, clock, ChangeListener.none());
  }

  /** Tells {@code changes} which disputes each poll, webhook or refresh found changed. */
  public DisputeSync(
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes) {
    this(paypal, db, disputes, notifier, state, clock, changes, WindowedListing.MAX_PAGES);
  }

  /** With a lower page limit per list window (tests of window splitting). */
  DisputeSync(
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes,
      int maxPagesPerWindow) {
    this("default", paypal, db, disputes, notifier, state, clock, changes, maxPagesPerWindow);
  }

  /**
   * The sync of one PayPal account: its disputes are stored under {@code account}, and its poll
   * keeps its own cursor and health ({@link PollKeys}) and its own set-aside list.
   */
  public DisputeSync(
      String account,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes) {
    this(account, PollKeys.of(account), paypal, db, disputes, notifier, state, clock, changes);
  }

  /**
   * As above, with the state keys given (one of several accounts: {@code PollKeys.of(account,
   * false)}).
   */
  public DisputeSync(
      String account,
      PollKeys keys,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes) {
    this(
        account,
        keys,
        paypal,
        db,
        disputes,
        notifier,
        state,
        clock,
        changes,
        WindowedListing.MAX_PAGES);
  }

  DisputeSync(
      String account,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes,
      int maxPagesPerWindow) {
    this(
        account,
        PollKeys.of(account),
        paypal,
        db,
        disputes,
        notifier,
        state,
        clock,
        changes,
        maxPagesPerWindow);
  }

  DisputeSync(
      String account,
      PollKeys keys,
      PayPalClient paypal,
      Database db,
      DisputeStore disputes,
      DisputeNotices notifier,
      SyncState state,
      Clock clock,
      ChangeListener changes,
      int maxPagesPerWindow) {
    this.account = Objects.requireNonNull(account, "account");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.paypal = Objects.requireNonNull(paypal, "paypal");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(disputes, "disputes");
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(state, "state");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(changes, "changes");
    WindowedListing listing = new WindowedListing(paypal, maxPagesPerWindow);
    SetAsideStore setAside = new SetAsideStore(db, account);
    this.pipeline = new SyncPipeline(account, db, disputes, notifier, changes, setAside);
    this.cursorPoll = new CursorPoll(keys, paypal, db, state, clock, listing, setAside, pipeline);
  }

  /** The PayPal account this sync reads. */
  public String account() {
    return account;
  }

  /** Where this account's poll keeps its cursor and health. */
  public PollKeys keys() {
    return keys;
  }

  /**
   * Reads every dispute changed since the cursor and brings store and cards up to date. A dispute
   * whose details cannot be read or stored is set aside and tried again by later polls after a
   * backoff, while the rest of the poll goes on and the cursor advances. Never throws for a PayPal
   * or database failure: it is logged and recorded, the cursor stays, and the next poll catches up.
   * Polls run one at a time.
   */
  public PollResult poll() {
    return cursorPoll.poll();
  }

  /** Re-reads the dispute from PayPal, runs it through the pipeline and re-renders its card. */
  @Override
  public void refresh(String disputeId) {
    SyncPipeline.Applied applied = applyAndTell(paypal.getDispute(disputeId));
    if (!applied.cardQueued()) {
      // Unchanged at PayPal; the card still re-renders (time left, owner) for whoever asked.
      notifier.refreshCard(disputeId, "refresh:" + clock.millis());
    }
  }

  /**
   * Runs one read of a dispute through the pipeline: stores it unless a newer one is stored, then
   * queues the card update and a thread reply per event. Returns the events (none for an older
   * read).
   */
  public List<DisputeEvent> apply(Dispute d) {
    return applyAndTell(d).events();
  }

  private SyncPipeline.Applied applyAndTell(Dispute d) {
    SyncPipeline.Applied applied = pipeline.applyChange(d, true);
    if (applied.changed()) {
      pipeline.tell(Set.of(d.disputeId()));
    }
    pipeline.tellEvents(d, applied.events());
    return applied;
  }

  /**
   * Runs {@code reads} of one dispute through the pipeline (store, diff, card update and thread
   * replies) inside a transaction that is then rolled back: nothing stays stored or queued and no
   * listener hears of it. Returns the events the reads produced. Warms the poll's code at start,
   * with the poll's own reads around it (cursor, set-aside list, stored update times) and its
   * cursor write, rolled back as well.
   */
  public List<DisputeEvent> rehearse(List<Dispute> reads) {
    return cursorPoll.rehearse(reads);
  }
}
