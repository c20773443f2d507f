package io.disputedesk.bench;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import io.disputedesk.slack.BoltRequests;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU time to turn one captured card click (the wire body in {@code slack/payloads}) into a Bolt
 * request: Bolt's own {@link SlackRequestParser} against the bot's {@link BoltRequests}. Run with
 * the number of rounds and of parses per round, e.g. {@code ClickParseBenchmark 6 20000}.
 */
public final class ClickParseBenchmark {
  private ClickParseBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    int parses = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    String body;
    try (InputStream in =
        ClickParseBenchmark.class.getResourceAsStream(
            "/slack/payloads/block_actions_button.form.txt")) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    AppConfig config = AppConfig.builder().signingSecret("s").singleTeamBotToken("xoxb-t").build();
    SlackRequestParser bolt = new SlackRequestParser(config);
    BoltRequests ours = new BoltRequests(config);
    SlackRequestParser.HttpRequest raw =
        SlackRequestParser.HttpRequest.builder()
            .requestUri("/slack/events")
            .requestBody(body)
            .headers(
                new RequestHeaders(
                    Map.of("content-type", List.of("application/x-www-form-urlencoded"))))
            .build();
    System.out.printf(
        Locale.ROOT,
        "a %d-byte card click, %d parses a round, 2 cores; load average %.2f%n",
        body.length(),
        parses,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (int round = 1; round <= rounds; round++) {
      double boltMicros = micros(bolt::parse, raw, parses);
      double ourMicros = micros(ours::parse, raw, parses);
      System.out.printf(
          Locale.ROOT,
          "round %d: Bolt's parser %.1f µs, BoltRequests %.1f µs of CPU per click%n",
          round,
          boltMicros,
          ourMicros);
    }
  }

  private static double micros(
      Function<SlackRequestParser.HttpRequest, Request<?>> parse,
      SlackRequestParser.HttpRequest raw,
      int parses) {
    var threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    int seen = 0;
    for (int i = 0; i < parses; i++) {
      seen += parse.apply(raw).getContext().getRequestUserId().length();
    }
    long used = threads.getCurrentThreadCpuTime() - start;
    if (seen == 0) {
      throw new IllegalStateException("no user read");
    }
    return used / 1_000.0 / parses;
  }
}
