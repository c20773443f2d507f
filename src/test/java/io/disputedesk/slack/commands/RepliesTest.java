package io.disputedesk.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import org.junit.jupiter.api.Test;

class RepliesTest {
  private final Replies replies = new Replies(Slack.getInstance());

  @Test
  void aRequestWithoutAResponseUrlIsNotAnsweredAndDoesNotThrow() {
    CommandReply reply = CommandReply.text("Nothing matches.");

    assertThat(replies.toCommand(null, reply)).isFalse();
    assertThat(replies.toCommand(" ", reply)).isFalse();
    assertThat(replies.toAction(null, reply)).isFalse();
  }
}
