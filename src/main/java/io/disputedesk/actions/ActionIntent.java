package io.disputedesk.actions;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.NewTracker;
import io.disputedesk.paypal.UploadFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One person's request to act on a dispute. {@code intentKey} names the submission (e.g. the Slack
 * view id), so a retried or doubled submission maps to the same intent and runs once; {@code seen}
 * is the dispute as the person's form showed it (nullable: no form); {@code tracker} (nullable) is
 * a shipment to add to PayPal too once evidence went through.
 */
public record ActionIntent(
    String disputeId,
    ActionRequest request,
    List<UploadFile> files,
    String userId,
    String intentKey,
    SeenDispute seen,
    NewTracker tracker) {

  public ActionIntent {
    Objects.requireNonNull(disputeId, "disputeId");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(intentKey, "intentKey");
    files = files == null ? List.of() : List.copyOf(files);
  }

  public ActionIntent(
      String disputeId,
      ActionRequest request,
      List<UploadFile> files,
      String userId,
      String intentKey,
      SeenDispute seen) {
    this(disputeId, request, files, userId, intentKey, seen, null);
  }

  private static final String RULE = "rule:";

  /**
   * The intent key of an automation rule's step on a dispute for one trigger occurrence: the same
   * on every replica.
   */
  public static String ofRule(String rule, String disputeId, String occurrence, String step) {
    return RULE + rule + "|" + disputeId + "|" + occurrence + "|" + step;
  }

  /** The rule that asked for an action, when its intent key is a rule's. */
  public static Optional<String> ruleOf(String intentKey) {
    if (intentKey == null || !intentKey.startsWith(RULE) || intentKey.indexOf('|') < 0) {
      return Optional.empty();
    }
    return Optional.of(intentKey.substring(RULE.length(), intentKey.indexOf('|')));
  }

  /** Leaves out the request body and files: they can hold buyer data. */
  @Override
  public String toString() {
    return "ActionIntent["
        + request.action()
        + " on "
        + disputeId
        + " by "
        + userId
        + ", intent "
        + intentKey
        + "]";
  }
}
