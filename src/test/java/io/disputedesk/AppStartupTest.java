package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppStartupTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(List<String> args, Map<String, String> env) {
    return App.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void missingSettingsExitTwoAndNameEachVariable() {
    int code = run(List.of(), Map.of("SLACK_SIGNING_SECRET", "top-secret-signing"));
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(2);
    assertThat(message)
        .contains("SLACK_BOT_TOKEN", "DISPUTES_CHANNEL", "PAYPAL_CLIENT_ID", "PAYPAL_CLIENT_SECRET")
        .doesNotContain("SLACK_SIGNING_SECRET is not set")
        .doesNotContain("top-secret-signing")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void startingWithoutAnySettingSaysHowToTryTheDemo() {
    assertThat(run(List.of(), Map.of())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("5 settings need attention")
        .contains("To try it without any account: java -jar target/dispute-desk.jar demo");
  }

  @Test
  void helpPrintsUsageAndExitsZero() {
    assertThat(run(List.of("--help"), Map.of())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage:", "demo", "--config");
  }

  @Test
  void unknownArgumentExitsTwoWithUsage() {
    assertThat(run(List.of("--frobnicate"), Map.of())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown argument \"--frobnicate\"", "Usage:");
  }
}
