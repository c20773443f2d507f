package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.actions.ActionSubject;
import org.junit.jupiter.api.Test;

/** Thread reports about actions read as sentences: one full stop, also after a quoted message. */
class ActionMessagesTest {
  private final ActionMessages messages = new ActionMessages();
  private final ActionSubject quoted =
      new ActionSubject("U0AGENT01", null, "Send message", "“We are sorry, we will refund you.”");
  private final ActionSubject plain =
      new ActionSubject("U0AGENT01", "U0LEAD001", "Make offer", "refund of 1,234.56 USD");

  @Test
  void aQuotedMessageThatEndsItsSentenceGetsNoSecondStop() {
    assertThat(messages.succeeded(quoted, false, null).text())
        .isEqualTo(
            ":white_check_mark: *Send message* by"
                + " <@U0AGENT01>: “We are sorry, we will refund you.” PayPal accepted it.");
    assertThat(messages.failed(quoted, "PayPal refused it (debug id 1a2b).").text())
        .contains("refund you.” It did not go through:")
        .doesNotContain(".”.");
    assertThat(messages.rejected(quoted, "U0LEAD001").text())
        .contains("refund you.” Rejected by <@U0LEAD001>.");
  }

  @Test
  void detailsWithoutAStopGetOne() {
    assertThat(messages.succeeded(plain, true, null).text())
        .isEqualTo(
            ":white_check_mark: *Make offer* by"
                + " <@U0AGENT01> (approved by <@U0LEAD001>): refund of 1,234.56 USD. PayPal accepted it; the money moves a"
                + " little later.");
    assertThat(
            new ApprovalMessages()
                .approvalRequest(
                    7, plain, "Offer?", "That is above the approval threshold of 500.00 USD")
                .text())
        .contains("refund of 1,234.56 USD. That is above the approval threshold");
  }
}
