package io.disputedesk.paypal;

import java.util.List;

/**
 * A PayPal call failed: PayPal answered with an error, could not be reached, or sent something
 * unreadable. The root unchecked exception of the {@code paypal} feature.
 */
public class PayPalException extends RuntimeException {

  /** The issue code PayPal sends when the action's link is not currently offered. */
  public static final String ACTION_NOT_ALLOWED = "ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE";

  private final String operation;
  private final int httpStatus;
  private final String name;
  private final String paypalMessage;
  private final String debugId;
  private final List<Problem> problems;

  /**
   * One entry of PayPal's {@code details[]}: the fine-grained {@code issue} code and, when PayPal
   * ties it to one, the request {@code field} as a JSON pointer ({@code /offer_amount/value}).
   */
  public record Problem(String field, String issue, String description) {
    public static Problem of(String issue) {
      return new Problem(null, issue, null);
    }
  }

  /** An error PayPal answered with; {@code httpStatus} is 0 when no response arrived. */
  public PayPalException(
      String operation,
      int httpStatus,
      String name,
      String paypalMessage,
      String debugId,
      List<Problem> problems,
      Throwable cause) {
    super(describe(operation, httpStatus, name, paypalMessage, debugId, issuesOf(problems)), cause);
    this.operation = operation;
    this.httpStatus = httpStatus;
    this.name = name;
    this.paypalMessage = paypalMessage;
    this.debugId = debugId;
    this.problems =
        problems == null
            ? List.of()
            : problems.stream().filter(p -> p != null && p.issue() != null).toList();
  }

  /** PayPal could not be reached or its answer could not be read. */
  public PayPalException(String operation, String problem, Throwable cause) {
    this(operation, 0, null, problem, null, List.of(), cause);
  }

  private static List<String> issuesOf(List<Problem> problems) {
    return problems == null
        ? List.of()
        : problems.stream()
            .filter(p -> p != null && p.issue() != null)
            .map(Problem::issue)
            .toList();
  }

  private static String describe(
      String operation,
      int status,
      String name,
      String message,
      String debugId,
      List<String> issues) {
    StringBuilder sb = new StringBuilder("PayPal ").append(operation).append(" failed");
    if (status > 0) {
      sb.append(": HTTP ").append(status);
    }
    if (name != null) {
      sb.append(' ').append(name);
    }
    if (message != null) {
      sb.append(": ").append(message);
    }
    if (issues != null && !issues.isEmpty()) {
      sb.append(" issues=").append(issues);
    }
    if (debugId != null) {
      sb.append(" (debug_id ").append(debugId).append(')');
    }
    return sb.toString();
  }

  /** The PayPal operation, e.g. {@code disputes.make-offer}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status, or 0 when PayPal gave no response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** PayPal's error {@code name} (or the OAuth {@code error}), if any. */
  public String name() {
    return name;
  }

  /** PayPal's error {@code message} (or the OAuth {@code error_description}), if any. */
  public String paypalMessage() {
    return paypalMessage;
  }

  /** PayPal's {@code debug_id}, which PayPal support asks for; may be null. */
  public String debugId() {
    return debugId;
  }

  /** The fine-grained {@code details[].issue} codes, in PayPal's order. */
  public List<String> issues() {
    return issuesOf(problems);
  }

  /**
   * PayPal's {@code details[]}, each issue with the request field it is about (when PayPal names
   * one).
   */
  public List<Problem> problems() {
    return problems;
  }

  public boolean hasIssue(String issue) {
    return issues().contains(issue);
  }

  /** True when PayPal refused because the action's link is not offered any more. */
  public boolean isActionNotAllowed() {
    return hasIssue(ACTION_NOT_ALLOWED);
  }

  /** True for failures that may pass on a later try: no response, 429 or 5xx. */
  public boolean isTransient() {
    return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500;
  }

  /** A short plain-English sentence for a person, ending with the debug id when there is one. */
  public String userMessage() {
    String text = UserMessages.forFailure(this);
    return debugId == null ? text : text + " (PayPal debug id " + debugId + ")";
  }

  /** The plain-English sentence for one of PayPal's issue codes, if there is one. */
  public static java.util.Optional<String> sentenceFor(String issue) {
    return UserMessages.forIssue(issue);
  }
}
