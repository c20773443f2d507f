package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimulatorOptions;
import io.disputedesk.sim.slack.LocalSlack;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * There is no Docker engine on the build machines, so this checks what can be checked: the image
 * copies the jar the build makes, runs as a non-root user with UTF-8, keeps SQLite on a volume, and
 * its entrypoint command really starts the bot (answering /healthz) and stops cleanly on SIGTERM.
 */
class DockerfileTest {
  private final String dockerfile = read(Path.of("Dockerfile"));

  @TempDir Path dir;

  @Test
  void theImageIsBuiltFromTheJarMavenMakesAndRunsSafely() throws Exception {
    String pom = read(Path.of("pom.xml"));
    Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
    assertThat(finalName.find()).isTrue();
    String jar = "target/" + finalName.group(1) + ".jar";

    assertThat(dockerfile)
        .containsPattern("(?m)^FROM maven:[^ ]+ AS build$")
        .contains("RUN mvn -B -q package -DskipTests")
        .contains("COPY --from=build /src/" + jar + " /app/dispute-desk.jar")
        .containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
        .containsPattern("(?m)^USER dispute-desk$")
        .contains("-Dfile.encoding=UTF-8")
        .contains("DATABASE_URL=\"jdbc:sqlite:/app/data/dispute-desk.db\"")
        .containsPattern("(?m)^VOLUME \\[\"/app/data\"\\]$")
        .contains("HEALTHCHECK")
        .contains("/healthz")
        .contains(
            "ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/dispute-desk.jsa\", \"-jar\", \"/app/dispute-desk.jar\"]")
        .containsPattern("(?m)^CMD \\[\"run\"\\]$");
    assertThat(dockerfile.indexOf("USER dispute-desk"))
        .isGreaterThan(dockerfile.indexOf("useradd"));
  }

  @Test
  void theRuntimeImageHasTheFontsTheReportChartsNeedAndRunsHeadless() {
    String runtime = dockerfile.substring(dockerfile.indexOf("FROM eclipse-temurin:17-jre"));
    assertThat(runtime)
        .containsPattern("apt-get install [^\\n]*fontconfig fonts-dejavu-core")
        .contains("fonts-dejavu-core")
        .contains("rm -rf /var/lib/apt/lists/*")
        .contains("-Djava.awt.headless=true");
    assertThat(runtime.indexOf("fonts-dejavu-core"))
        .as("installed as root, before USER")
        .isLessThan(runtime.indexOf("USER dispute-desk"));
    assertThat(read(Path.of(".ci/run"))).contains("fonts-dejavu-core", "fontconfig");
  }

  @Test
  void theEntrypointCommandStartsTheBotAndStopsOnSigterm() throws Exception {
    try (PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(Clock.systemUTC()));
        LocalSlack slack = LocalSlack.start()) {
      int port = freePort();
      // The image's ENTRYPOINT + CMD ("java -jar dispute-desk.jar run") with its JAVA_TOOL_OPTIONS,
      // run from this build's classes instead of the jar (the jar is made after the tests).
      List<String> command =
          new ArrayList<>(
              List.of(
                  javaBinary(),
                  "-Dfile.encoding=UTF-8",
                  "-cp",
                  System.getProperty("java.class.path"),
                  App.class.getName(),
                  "run"));
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("bot.log").toFile());
      Map<String, String> env = pb.environment();
      env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("data/dispute-desk.db"));
      env.put("PORT", String.valueOf(port));
      env.put("SLACK_BOT_TOKEN", slack.botToken());
      env.put("SLACK_SIGNING_SECRET", "docker-test-secret");
      env.put("SLACK_API_URL", slack.apiUrl());
      env.put("DISPUTES_CHANNEL", "C0DOCKER1");
      env.put("PAYPAL_CLIENT_ID", "sim-client-id");
      env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
      env.put("PAYPAL_BASE_URL", sim.baseUrl());
      Process bot = pb.start();
      try {
        int status = 0;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && bot.isAlive()) {
          status = healthStatus(port);
          if (status == 200) {
            break;
          }
          Thread.sleep(200);
        }
        assertThat(status).as("healthz; log:%n%s", read(dir.resolve("bot.log"))).isEqualTo(200);
        assertThat(Files.exists(dir.resolve("data/dispute-desk.db"))).isTrue();
        bot.destroy(); // SIGTERM, as docker stop sends
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        String log = read(dir.resolve("bot.log"));
        assertThat(log)
            .contains("Dispute Desk is running", "Dispute Desk stopped")
            .doesNotContain("sim-client-secret", "docker-test-secret", slack.botToken());
      } finally {
        bot.destroyForcibly();
      }
    }
  }

  private static int healthStatus(int port) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return 0;
    }
  }

  private static String javaBinary() {
    return Path.of(
            System.getProperty("java.home"),
            "bin",
            "java" + (File.separatorChar == '\\' ? ".exe" : ""))
        .toString();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
