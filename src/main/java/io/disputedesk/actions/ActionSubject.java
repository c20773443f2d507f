package io.disputedesk.actions;

/**
 * What an action report is about: who asked, who approved (nullable), the action's title and its
 * details, in plain words; {@code rule} (nullable) names the automation rule that asked on behalf
 * of its owner, {@code requestedBy}.
 */
public record ActionSubject(
    String requestedBy, String approvedBy, String title, String details, String rule) {
  public ActionSubject(String requestedBy, String approvedBy, String title, String details) {
    this(requestedBy, approvedBy, title, details, null);
  }
}
