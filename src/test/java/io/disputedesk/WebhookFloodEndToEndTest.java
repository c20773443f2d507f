package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.slack.Ids;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackRequests;
import io.disputedesk.testing.SlackSigner;
import io.disputedesk.webhooks.WebhookLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forged PayPal webhooks at 200 a second (shaped well enough to pass every cheap check) while
 * people click: the clicks are still acknowledged within Slack's 3 s, and PayPal is asked at most
 * {@code burst + rate * seconds} times. {@code -Dflood.seconds=10} runs the full ten seconds.
 */
class WebhookFloodEndToEndTest {
  private static final int PER_SECOND = 200;
  private static final int SECONDS = Integer.getInteger("flood.seconds", 3);
  private static final Duration CLICK_EVERY = Duration.ofMillis(100);

  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void forgedWebhookFloodLeavesClicksAckedInTimeAndPayPalCallsBounded() throws Exception {
    desk = bot.desk().with("PAYPAL_WEBHOOK_ID", "1JE4291016473214C");
    desk.start();
    String id = desk.sim.createDispute(SimDisputeSpec.builder().amount("80.00", "USD").build());
    desk.pollAndSettle();
    String ts = desk.card(id).orElseThrow().ts();
    SignedPost slack =
        new SignedPost(URI.create(url("/slack/events")), new SlackSigner("test-signing-secret"));
    int clicks = (int) (SECONDS * 1000 / CLICK_EVERY.toMillis());

    List<Long> quiet = clickRepeatedly(slack, id, ts, clicks);
    int verifyBefore = desk.sim.count("verify-webhook-signature");
    Map<Integer, AtomicInteger> floodStatuses = new ConcurrentHashMap<>();
    long floodStart = System.nanoTime();
    CompletableFuture<Integer> flood = CompletableFuture.supplyAsync(() -> flood(floodStatuses));
    List<Long> underFlood = clickRepeatedly(slack, id, ts, clicks);
    int sent = flood.get();
    double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
    int verifyCalls = desk.sim.count("verify-webhook-signature") - verifyBefore;
    WebhookLimits limits = WebhookLimits.defaults();
    long bound = limits.verifyBurst() + (long) Math.ceil(limits.verifyPerSecond() * floodSeconds);

    System.out.printf(
        "FLOOD %d forged webhooks in %.1f s; answers %s; PayPal verify calls %d (bound %d)%n",
        sent, floodSeconds, floodStatuses, verifyCalls, bound);
    System.out.printf(
        "FLOOD click acks without flood: p50 %d ms, max %d ms; during flood: p50 %d ms, max %d ms%n",
        p50(quiet), max(quiet), p50(underFlood), max(underFlood));
    assertThat(sent).isGreaterThanOrEqualTo(PER_SECOND * SECONDS);
    assertThat(floodStatuses.keySet()).isSubsetOf(400, 429, 503);
    assertThat(verifyCalls).isPositive().isLessThanOrEqualTo((int) bound);
    assertThat(underFlood).hasSize(clicks).allSatisfy(ms -> assertThat(ms).isLessThan(3000L));
  }

  /**
   * Signed refresh clicks on the card, one every {@link #CLICK_EVERY}; each one's ack time in ms.
   */
  private List<Long> clickRepeatedly(SignedPost slack, String id, String ts, int n)
      throws InterruptedException {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      SignedPost.Reply reply =
          slack.send(
              SlackRequests.blockAction(Ids.REFRESH)
                  .value(id)
                  .user(SlackRequests.USER_ID, "alice")
                  .inMessage(
                      BotDesk.CHANNEL,
                      ts,
                      desk.slack.hooksUrlFor(BotDesk.CHANNEL, ts, SlackRequests.USER_ID))
                  .body());
      millis.add((System.nanoTime() - start) / 1_000_000);
      assertThat(reply.status()).isEqualTo(200);
      Thread.sleep(CLICK_EVERY.toMillis());
    }
    return millis;
  }

  /**
   * Sends {@link #PER_SECOND} forged deliveries a second for {@link #SECONDS}; returns how many
   * were answered.
   */
  private int flood(Map<Integer, AtomicInteger> statuses) {
    List<CompletableFuture<Void>> answers = new ArrayList<>();
    long start = System.nanoTime();
    long gapNanos = 1_000_000_000L / PER_SECOND;
    for (int i = 0; i < PER_SECOND * SECONDS; i++) {
      long due = start + i * gapNanos;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      answers.add(
          http.sendAsync(forged(i), HttpResponse.BodyHandlers.discarding())
              .thenAccept(
                  r ->
                      statuses
                          .computeIfAbsent(r.statusCode(), s -> new AtomicInteger())
                          .incrementAndGet()));
    }
    CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    return answers.size();
  }

  private HttpRequest forged(int n) {
    String body =
        "{\"id\":\"WH-FORGED-"
            + n
            + "\",\"event_type\":\"CUSTOMER.DISPUTE.UPDATED\",\"resource_type\":"
            + "\"dispute\",\"resource\":{\"dispute_id\":\"PP-D-"
            + n
            + "\"}}";
    return HttpRequest.newBuilder(URI.create(url("/paypal/webhooks")))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("PAYPAL-AUTH-ALGO", "SHA256withRSA")
        .header(
            "PAYPAL-CERT-URL",
            "https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77")
        .header("PAYPAL-TRANSMISSION-ID", UUID.randomUUID().toString())
        .header("PAYPAL-TRANSMISSION-SIG", "Zm9yZ2VkIHNpZ25hdHVyZQ==")
        .header(
            "PAYPAL-TRANSMISSION-TIME", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + desk.app().port() + path;
  }

  private static long p50(List<Long> ms) {
    List<Long> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long max(List<Long> ms) {
    return Collections.max(ms);
  }
}
