package io.disputedesk.slack.actions;

import static io.disputedesk.testing.People.ALICE;
import static io.disputedesk.testing.People.BOB;
import static io.disputedesk.testing.People.CAROL;
import static io.disputedesk.testing.People.ERIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.testing.Await;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskDriver;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients cannot take the front door down: while 50 connections sit on {@code /slack/events}
 * having sent their headers and one byte of body, a burst of signed card clicks through the whole
 * bot is still acknowledged within Slack's 3 seconds. Prints the ack latencies with and without the
 * stalled connections.
 */
class StalledConnectionsTest {
  private static final int STALLED = 50;
  private static final int CLICKS = 30;
  private static final List<String> PEOPLE = List.of(ALICE, BOB, ERIN, CAROL);

  @RegisterExtension final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.forActions());

  DeskDriver desk;
  final List<String> disputes = new ArrayList<>();
  final List<Socket> stalled = new ArrayList<>();

  @BeforeEach
  void start() {
    desk = DeskDriver.of(bot);
    for (int i = 0; i < 3; i++) {
      disputes.add(desk.dispute(SimDisputeSpec.builder()));
    }
  }

  @AfterEach
  void stop() {
    stalled.forEach(StalledConnectionsTest::closeQuietly);
  }

  @Test
  void signedClicksAreAcknowledgedInTimeWhileFiftyConnectionsStallMidBody() throws Exception {
    burst(); // warm-up: first-use costs are not what is measured
    List<Long> quiet = burst();

    for (int i = 0; i < STALLED; i++) {
      stalled.add(stall());
    }
    List<Long> underStall = burst();

    report("without stalled connections", quiet);
    report("with " + STALLED + " stalled connections", underStall);
    assertThat(underStall).hasSize(CLICKS).allSatisfy(ms -> assertThat(ms).isLessThan(3_000L));
    // The clicks really went through the bot: every person's click opened their Send message form.
    PEOPLE.forEach(
        user -> Await.until("the form of " + user, () -> !desk.slack.openViews(user).isEmpty()));
    // And the stalled connections were still held open (unanswered) the whole time.
    assertThat(stalled).allSatisfy(socket -> assertThat(silentAndOpen(socket)).isTrue());
  }

  /** Sends {@link #CLICKS} signed clicks at once; returns each one's acknowledgement time (ms). */
  private List<Long> burst() throws Exception {
    List<SlackBody> clicks = new ArrayList<>();
    for (int i = 0; i < CLICKS; i++) {
      clicks.add(
          desk.clickBody(
                  CardAction.SEND_MESSAGE.buttonId(),
                  disputes.get(i % disputes.size()),
                  PEOPLE.get(i % PEOPLE.size()))
              .body());
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLICKS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Long>> timings = new ArrayList<>();
      for (SlackBody click : clicks) {
        timings.add(
            pool.submit(
                () -> {
                  go.await();
                  long started = System.nanoTime();
                  SignedPost.Reply reply = desk.post.send(click);
                  long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                  assertThat(reply.status()).as("ack status").isEqualTo(200);
                  return ms;
                }));
      }
      go.countDown();
      List<Long> out = new ArrayList<>();
      for (Future<Long> timing : timings) {
        out.add(timing.get(30, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A connection that sends a click's headers and one byte of its body, then nothing. */
  private Socket stall() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), desk.uri().getPort());
    OutputStream out = socket.getOutputStream();
    out.write(
        ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2048\r\n\r\np")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** True when the server has neither answered nor closed the connection. */
  private static boolean silentAndOpen(Socket socket) {
    try {
      socket.setSoTimeout(20);
      // Any byte (an answer) or the end of the stream (a close) means it was not held.
      socket.getInputStream().read();
      return false;
    } catch (SocketTimeoutException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void report(String what, List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    System.out.printf(
        Locale.ROOT,
        "Ack latency of %d signed clicks %s: p50 %d ms, p99 %d ms, max %d ms%n",
        sorted.size(),
        what,
        percentile(sorted, 50),
        percentile(sorted, 99),
        sorted.get(sorted.size() - 1));
  }

  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
