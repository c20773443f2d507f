package io.disputedesk.slack.actions;

import com.slack.api.model.view.View;
import io.disputedesk.actions.Assignments;
import io.disputedesk.slack.Mrkdwn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The work of a submitted form after its ack, and the private note when that work fails. */
final class SubmissionWork {
  private static final Logger log = LoggerFactory.getLogger(SubmissionWork.class);

  private final Assignments assignments;
  private final FormAnswers answers;
  private final Notices notices;
  private final EvidenceDrafts drafts;

  SubmissionWork(
      Assignments assignments, FormAnswers answers, Notices notices, EvidenceDrafts drafts) {
    this.assignments = assignments;
    this.answers = answers;
    this.notices = notices;
    this.drafts = drafts;
  }

  /**
   * Runs after the ack: PayPal's answer in the form, and any failure of ours to the person as a
   * private note. A form that sends a draft holds the draft's claim while PayPal answers; Slack's
   * retry of it finds the draft claimed and leaves the answer to the first delivery.
   */
  void answer(FormAnswers.Submitted s, boolean retried) {
    EvidenceDrafts.FormClaim claim = null;
    try {
      claim = drafts.claimForSending(s.context(), s.user(), s.form(), s.valid());
      if (!claim.claimed()) {
        if (!retried) {
          notices.updateView(
              s.form().getId(),
              null,
              ResultViews.outcome(
                  s.form(),
                  null,
                  new ResultViews.Shown(
                      ":no_entry_sign: " + drafts.notClaimed(s.context()), null)));
        }
        return;
      }
      drafts.afterSending(s.context(), claim, answers.run(s));
    } catch (RuntimeException e) {
      if (claim != null && claim.claimed()) {
        drafts.release(s.context());
      }
      log.error(
          "{} on {} failed after its form was submitted", s.kind(), s.context().disputeId(), e);
      notices.tell(
          s.channel(),
          s.user(),
          ":warning: Something went wrong inside Dispute Desk with your *"
              + s.kind().title()
              + "* on "
              + Mrkdwn.escape(s.context().disputeId())
              + "; it has been logged. Check the dispute's thread to see whether it went through before trying again.");
    }
  }

  void saveDraft(ModalContext c, String channel, String user, View view, FormResult.Valid valid) {
    try {
      drafts.save(c, channel, user, view, valid);
    } catch (RuntimeException e) {
      log.error("Saving an evidence draft on {} failed", c.disputeId(), e);
      notices.tell(
          channel,
          user,
          ":warning: Something went wrong inside Dispute Desk while saving your evidence draft"
              + " on "
              + Mrkdwn.escape(c.disputeId())
              + "; it has been logged. Please try again.");
    }
  }

  void reassign(ModalContext c, String owner, String channel, String user, String intentKey) {
    try {
      assignments
          .assign(c.disputeId(), owner, user, intentKey)
          .outcome()
          .note()
          .ifPresent(text -> notices.tell(channel, user, text));
    } catch (RuntimeException e) {
      log.error("Reassigning {} failed after its form closed", c.disputeId(), e);
      notices.tell(
          channel,
          user,
          ":warning: Something went wrong inside Dispute Desk while reassigning "
              + Mrkdwn.escape(c.disputeId())
              + "; it has been logged. Check the card's owner before trying again.");
    }
  }
}
