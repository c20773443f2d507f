package io.disputedesk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** Values from strangers reach the log on one line, short, and not too often. */
class LogTextTest {
  @Test
  void lineBreaksAndControlCharactersCannotStartAFakeLogLine() {
    String attack = "id\r\n2026-12-03T11:00:00 [INFO] App - admin in\u2028\u0007\u001b[31m";

    String logged = LogText.of(attack);

    assertThat(logged).doesNotContain("\r", "\n", "\u2028", "\u0007", "\u001b");
    assertThat(logged)
        .isEqualTo(
            "\"id\\u000d\\u000a2026-12-03T11:00:00 [INFO] App - admin in\\u2028\\u0007\\u001b[31m\"");
  }

  @Test
  void longValuesAreCutAndQuotesEscaped() {
    assertThat(LogText.of("x".repeat(500))).isEqualTo("\"" + "x".repeat(80) + "\"...(500 chars)");
    assertThat(LogText.of("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
    assertThat(LogText.of(null)).isEqualTo("-");
    assertThat(LogText.of("WH-4M0448861G563140B")).isEqualTo("\"WH-4M0448861G563140B\"");
  }

  @Test
  void atMostOneWarningPerPeriodAndTheNextSaysHowManyWereHeldBack() {
    RecordingLogger logger = new RecordingLogger();
    AtomicLong now = new AtomicLong();
    ThrottledLog log = new ThrottledLog(logger, Duration.ofSeconds(10), now::get);

    for (int i = 0; i < 1000; i++) {
      log.warn("refused {}", i);
      now.addAndGet(Duration.ofMillis(5).toNanos());
    }
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    log.warn("refused {}", "last");

    assertThat(logger.lines)
        .containsExactly(
            "refused 0", "refused last (999 more like this since the last one were not logged)");
  }

  /** A logger that keeps each formatted message. */
  static final class RecordingLogger extends LegacyAbstractLogger {
    final List<String> lines = new ArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String format, Object[] args, Throwable t) {
      lines.add(MessageFormatter.basicArrayFormat(format, args));
    }

    @Override
    public boolean isTraceEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }
}
