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

/** The {@code demo} command's failure path; the running demo is covered by the console's browser test. */
class DemoCommandTest {
  @Test
  void demoOnATakenPortExitsOneAndSuggestsAnotherPort() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String port = Integer.toString(taken.getLocalPort());

      int code = App.run(List.of("demo", "--port", port), Map.of(), new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(code).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("the demo could not start", "is port " + port + " in use? try --port N")
          .doesNotContain("\tat ");
    }
  }
}
