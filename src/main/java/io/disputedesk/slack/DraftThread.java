package io.disputedesk.slack;

import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.dispute.Action;
import io.disputedesk.dispute.ActionStatus;
import io.disputedesk.dispute.ActionStore;
import io.disputedesk.drafts.EvidenceDraft;
import io.disputedesk.drafts.EvidenceDraftStore;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An evidence draft's thread messages, and the draft following what became of its send: SENT (and
 * each of its messages saying so) only once PayPal accepted it, a draft again (its buttons kept)
 * when nothing was done, and claimed while the action ledger does not know yet, settled when the
 * ledger is. The order of a save and a send does not matter: whichever comes second updates the
 * messages.
 */
public final class DraftThread {
  /** How a draft is named in an intent key (and in its thread messages' keys). */
  private static final String DRAFT = "draft:";

  /** The draft an evidence action was sent for, at the end of its intent key. */
  private static final Pattern DRAFT_INTENT = Pattern.compile("(?:^|:)draft:(\\d+)(?::\\d+)?$");

  /**
   * How far a send's ledger row may seem to precede its draft's claim (replicas' clocks): rows
   * older than the claim by more are an earlier send's.
   */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  /**
   * A claimed draft's send reaches the action ledger within this, or never: its files are fetched
   * from Slack (at most a minute) before the ledger's row is written.
   */
  public static final Duration SEND_BEGINS_WITHIN = Duration.ofMinutes(10);

  private static final Logger log = LoggerFactory.getLogger(DraftThread.class);

  private final Database db;
  private final EvidenceDraftStore store;
  private final ActionStore actions;
  private final Notifier notifier;
  private final DraftMessages messages = new DraftMessages();

  /**
   * The drafts in {@code store}, following their sends in the action ledger {@code actions}; a
   * draft's new status and the thread's word of it are written in one transaction on {@code db}.
   */
  public DraftThread(
      Database db, EvidenceDraftStore store, ActionStore actions, Notifier notifier) {
    this.db = db;
    this.store = store;
    this.actions = actions;
    this.notifier = notifier;
  }

  /** The intent key of the draft's send from its Submit to PayPal button, as saved last. */
  public static String buttonIntent(EvidenceDraft d) {
    return DRAFT + d.id() + ":" + d.updatedAt().toEpochMilli();
  }

  /** What a form's intent key ends with when the form sends the draft {@code id}. */
  public static String formIntentSuffix(long id) {
    return ":" + DRAFT + id;
  }

  /** The draft an action was sent for, when it was. */
  static Optional<Long> draftOf(Action a) {
    if (!a.kind().equals(ActionRequest.ProvideEvidence.ACTION) || a.intentKey() == null) {
      return Optional.empty();
    }
    Matcher m = DRAFT_INTENT.matcher(a.intentKey());
    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
  }

  /**
   * Saves a draft by {@code write}, which returns its id (empty when it saved nothing), and posts
   * it as saved, in one transaction: a draft saved with no message in the thread would be counted
   * as unsent and never be seen, an edit saved with none would be sent as the thread never showed
   * it.
   */
  public Optional<EvidenceDraft> saved(Supplier<Optional<Long>> write) {
    return db.atomically(
        () -> {
          Optional<EvidenceDraft> saved = write.get().flatMap(store::find);
          saved.ifPresent(this::posted);
          return saved;
        });
  }

  /**
   * Posts the draft as saved in the thread; should it have been sent or overtaken meanwhile (its
   * settled update queued before this message), the message is updated at once to say so.
   */
  public void posted(EvidenceDraft saved) {
    notifier.threadReply(
        saved.disputeId(),
        DRAFT + saved.id() + ":" + saved.updatedAt().toEpochMilli(),
        messages.draft(saved));
    settle(saved.id());
  }

  /**
   * The draft follows the outcome of its send: SENT on PayPal's acceptance, a draft again when
   * nothing was done, still claimed while the outcome is not known (the ledger settles it, see
   * {@link #followed}). Returns the draft's status after.
   */
  public EvidenceDraft.Status after(long id, ActionOutcome outcome) {
    switch (outcome.result()) {
      case SUCCEEDED -> sent(id);
      case UNKNOWN, AWAITING_APPROVAL -> {}
      case DUPLICATE -> {
        if (outcome.action() != null) {
          follow(id, outcome.action().status());
        }
      }
      default -> store.reopen(id);
    }
    return store.find(id).map(EvidenceDraft::status).orElse(EvidenceDraft.Status.SENDING);
  }

  /** An action's recorded outcome; when it was a draft's send, the draft follows. */
  public void followed(Action a) {
    draftOf(a).ifPresent(id -> follow(id, a.status()));
  }

  /**
   * Once the draft has left the draft status for good (sent, or overtaken), each thread message
   * posted for it (one per save) is updated in place to say so, without its buttons. Queued once
   * per message however often it is called.
   */
  public void settle(long id) {
    store
        .find(id)
        .filter(
            d ->
                d.status() == EvidenceDraft.Status.SENT
                    || d.status() == EvidenceDraft.Status.OVERTAKEN)
        .ifPresent(
            d ->
                notifier.updateThreadReplies(
                    d.disputeId(),
                    DRAFT + id + ":",
                    d.status().name().toLowerCase(Locale.ROOT),
                    messages.settled(d)));
  }

  /**
   * A claimed draft whose send failed inside the bot: it follows its send's ledger row when the
   * send reached the ledger, and is a draft again when it did not (nothing went to PayPal).
   */
  public void release(long id) {
    store.find(id).filter(d -> d.status() == EvidenceDraft.Status.SENDING).ifPresent(this::resolve);
  }

  /**
   * Drafts claimed longer than {@link #SEND_BEGINS_WITHIN} before {@code now} whose send never
   * reached the ledger (the process stopped between the claim and the ledger's row) are drafts
   * again; those whose send did follow it. Returns how many became drafts again.
   */
  public int releaseStuck(Instant now) {
    int reopened = 0;
    for (EvidenceDraft d : store.claimedBefore(now.minus(SEND_BEGINS_WITHIN))) {
      if (resolve(d)) {
        reopened++;
      }
    }
    return reopened;
  }

  /** True when the draft became a draft again. */
  private boolean resolve(EvidenceDraft claimed) {
    long id = claimed.id();
    Optional<Action> send =
        actions.newestWithIntentLike(
            ActionRequest.ProvideEvidence.ACTION,
            List.of(DRAFT + id + ":%", "%:" + DRAFT + id),
            claimed.updatedAt().minus(CLOCK_SKEW));
    if (send.isPresent()) {
      follow(id, send.get().status());
      return false;
    }
    boolean reopened = store.reopen(id);
    if (reopened) {
      log.warn(
          "Evidence draft {} on {} was claimed for sending at {} but its send never reached the"
              + " action ledger; it is a draft again",
          id,
          claimed.disputeId(),
          claimed.updatedAt());
    }
    return reopened;
  }

  private void follow(long id, ActionStatus status) {
    switch (status) {
      case SUCCEEDED -> sent(id);
      case FAILED, REJECTED, CANCELLED -> store.reopen(id);
      case IN_FLIGHT, UNKNOWN, AWAITING_APPROVAL -> {}
    }
  }

  /**
   * The draft the dispute moved on from before it was sent is overtaken, said in the thread and its
   * messages updated, in one transaction: false when it was no longer a draft.
   */
  public boolean overtaken(EvidenceDraft d, String clickedBy) {
    return db.atomically(
        () -> {
          if (!store.overtake(d.id())) {
            return false;
          }
          notifier.threadReply(
              d.disputeId(), "draft-overtaken:" + d.id(), messages.overtaken(d, clickedBy));
          settle(d.id());
          return true;
        });
  }

  /** Marked sent with its messages' updates queued, or neither. */
  private void sent(long id) {
    db.atomically(
        () -> {
          store.sent(id);
          settle(id);
          return null;
        });
  }
}
