package io.disputedesk.actions;

import io.disputedesk.dispute.Action;
import io.disputedesk.paypal.PayPalException;
import java.util.List;
import java.util.Optional;

/**
 * What became of a request: the result, a private note for the person who asked (null when the
 * card's thread already says everything) and the action row, when one exists.
 */
public record ActionOutcome(Result result, String message, Action action, Refusal refusal) {

  public ActionOutcome(Result result, String message, Action action) {
    this(result, message, action, null);
  }

  /**
   * Why PayPal refused (a FAILED outcome): its reason in plain words ending with its debug id, the
   * debug id alone, and PayPal's {@code details[]}, which can name the request field at fault.
   */
  public record Refusal(String reason, String debugId, List<PayPalException.Problem> problems) {
    public Refusal {
      problems = problems == null ? List.of() : List.copyOf(problems);
    }
  }

  /** How a request ended, as far as the person who asked is concerned. */
  public enum Result {
    /** PayPal did it (or, after an unclear answer, the re-read dispute shows it was done). */
    SUCCEEDED,
    /** PayPal refused or the request was invalid; nothing happened. */
    FAILED,
    /** PayPal did not answer and the dispute does not show the effect yet; checked again later. */
    UNKNOWN,
    /** Posted in the thread for a second approver. */
    AWAITING_APPROVAL,
    /** An approver turned the request down, or its requester withdrew it. */
    REJECTED,
    /** An awaiting request that can no longer run (its PayPal link went away). */
    CANCELLED,
    /** The person lacks the role, or no one holds it yet. */
    DENIED,
    /** We do not know the dispute. */
    NOT_FOUND,
    /** PayPal no longer offers this action on the dispute. */
    LINK_GONE,
    /** The dispute's numbers changed since the person saw them; nothing was sent. */
    CHANGED,
    /** Someone else's action of the same kind is open on the dispute. */
    BUSY,
    /** The same intent was already submitted; nothing more is done. */
    DUPLICATE,
    /** An approval or rejection of a request that was already decided. */
    STALE,
    /** A non-PayPal step (assign, refresh) went through. */
    DONE
  }

  public static ActionOutcome of(Result result, String message) {
    return new ActionOutcome(result, message, null);
  }

  public Optional<String> note() {
    return Optional.ofNullable(message);
  }

  public Optional<Refusal> paypalRefusal() {
    return Optional.ofNullable(refusal);
  }
}
