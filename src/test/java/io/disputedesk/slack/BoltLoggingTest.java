package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.util.SlackRequestParser;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What of Bolt's own logging reaches the bot's log. */
class BoltLoggingTest {
  @Test
  void boltsParserWhichWarnsWithWholeRequestBodiesLogsOnlyErrors() {
    Logger parser = LoggerFactory.getLogger(SlackRequestParser.class);

    assertThat(parser.isWarnEnabled())
        .as("its warning carries the body: people's text, the verification token")
        .isFalse();
    assertThat(parser.isErrorEnabled()).isTrue();
    assertThat(LoggerFactory.getLogger(com.slack.api.bolt.App.class).isWarnEnabled()).isTrue();
  }
}
