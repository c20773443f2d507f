package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.testing.SlackSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Slack's v0 signature as {@link BoltHandler} checks it, before Bolt sees the request. */
class RequestSignatureTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final String BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fdisputes&text=list";

  private final RequestSignature signature =
      new RequestSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
  private final SlackSigner slack = new SlackSigner(SECRET);

  @Test
  void slacksOwnSignatureWithinFiveMinutesEitherWayIsAccepted() {
    for (long offset : List.of(0L, -299L, 299L, -300L, 300L)) {
      long ts = NOW.getEpochSecond() + offset;
      assertThat(verify(ts, slack.signature(BODY, ts))).as("%d s from now", offset).isTrue();
    }
  }

  @Test
  void timestampsMoreThanFiveMinutesAwayAreRefusedInTheFutureToo() {
    for (long offset : List.of(-301L, 301L, 360L, 86_400L, -86_400L)) {
      long ts = NOW.getEpochSecond() + offset;
      assertThat(verify(ts, slack.signature(BODY, ts))).as("%d s from now", offset).isFalse();
    }
  }

  @Test
  void aSignatureWrongInAnyPlaceOrFormIsRefused() {
    long ts = NOW.getEpochSecond();
    String right = slack.signature(BODY, ts);
    List<String> wrong =
        List.of(
            flip(right, 3),
            flip(right, right.length() / 2),
            flip(right, right.length() - 1),
            right.substring(0, right.length() - 1),
            right + "0",
            right.substring(3),
            "v1=" + right.substring(3),
            right.toUpperCase(Locale.ROOT),
            "",
            "v0=",
            "v0=" + "0".repeat(64),
            right.substring(0, 10) + "é" + right.substring(11));
    for (String s : wrong) {
      assertThat(verify(ts, s)).as(s).isFalse();
    }
    assertThat(verify(ts, right)).isTrue();
  }

  @Test
  void aSignatureForOtherBytesOrAnotherSecretIsRefused() {
    long ts = NOW.getEpochSecond();
    assertThat(
            signature.verify(
                Long.toString(ts),
                slack.signature(BODY, ts),
                (BODY + "&x=1").getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(verify(ts, new SlackSigner("another-secret").signature(BODY, ts))).isFalse();
    assertThat(verify(ts - 1, slack.signature(BODY, ts))).isFalse();
  }

  @Test
  void timestampsThatAreNotPlainSecondsAreRefused() {
    String sig = slack.signature(BODY, NOW.getEpochSecond());
    for (String ts :
        new String[] {
          null,
          "",
          "abc",
          "-" + NOW.getEpochSecond(),
          NOW.getEpochSecond() + ".0",
          " " + NOW.getEpochSecond(),
          "1e9",
          "9".repeat(40)
        }) {
      assertThat(signature.verify(ts, sig, BODY.getBytes(StandardCharsets.UTF_8)))
          .as("timestamp %s", ts)
          .isFalse();
    }
    assertThat(
            signature.verify(
                Long.toString(NOW.getEpochSecond()), null, BODY.getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  private boolean verify(long ts, String sig) {
    return signature.verify(Long.toString(ts), sig, BODY.getBytes(StandardCharsets.UTF_8));
  }

  private static String flip(String s, int i) {
    char c = s.charAt(i);
    return s.substring(0, i) + (c == '0' ? '1' : '0') + s.substring(i + 1);
  }
}
