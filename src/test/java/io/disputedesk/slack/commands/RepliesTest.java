package io.disputedesk.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private final Replies replies =
      new Replies(Slack.getInstance(), Slack.getInstance().methods("xoxb-not-used"));

  @Test
  void aRequestWithoutAResponseUrlIsNotAnsweredAndDoesNotThrow() {
    CommandReply reply = CommandReply.text("Nothing matches.");

    assertThat(replies.toCommand(null, "C0CHANNEL", "U0PERSON", reply)).isFalse();
    assertThat(replies.toCommand(" ", "C0CHANNEL", "U0PERSON", reply)).isFalse();
    assertThat(replies.toAction(null, "C0CHANNEL", "U0PERSON", reply)).isFalse();
  }
}
