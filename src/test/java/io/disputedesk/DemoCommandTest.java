package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code demo} command's failure paths (which also show the port it chose); the running demo is
 * covered by the console's browser test.
 */
class DemoCommandTest {
  @Test
  void demoOnATakenPortExitsOneAndSuggestsAnotherPort() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());

      int code =
          App.run(
              List.of("demo", "--port", port),
              Map.of(),
              new PrintStream(new ByteArrayOutputStream()),
              new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("the demo could not start", "is port " + port + " in use? try --port N")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void demoTakesItsPortFromThePortVariable() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());

      int code =
          App.run(
              List.of("demo"),
              Map.of("PORT", port),
              new PrintStream(new ByteArrayOutputStream()),
              new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("is port " + port + " in use?");
    }
  }

  @Test
  void portOptionWinsOverThePortVariable() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());

      int code =
          App.run(
              List.of("demo", "--port", port),
              Map.of("PORT", "not-used"),
              new PrintStream(new ByteArrayOutputStream()),
              new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("is port " + port + " in use?");
    }
  }

  @Test
  void aPortVariableThatIsNoPortIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        App.run(
            List.of("demo"),
            Map.of("PORT", "http"),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("PORT needs a port number from 0 to 65535, not \"http\"");
  }
}
