package io.disputedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.sim.PayPalSimulator;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimRequest;
import io.disputedesk.sim.SimSeeds;
import io.disputedesk.sim.SimulatorOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How many list pages a listing reads against the simulator, which pages like PayPal (50 a page,
 * 180 days).
 */
class WindowedListingTest {
  /** Two pages of 50 per query, so that a few hundred disputes need several windows. */
  private static final int MAX_PAGES = 2;

  private static final int PER_WINDOW = MAX_PAGES * WindowedListing.PAGE_SIZE;

  private final Clock clock = Clock.systemUTC();
  private PayPalSimulator sim;
  private PayPalClient paypal;
  private final List<Dispute> seen = new ArrayList<>();

  @BeforeEach
  void setUp() {
    sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
    paypal =
        new PayPalClient(
            new OkHttpClient(),
            Json.newMapper(),
            new PayPalCredentials(sim.baseUrl(), "sim-client-id", "sim-client-secret"),
            clock,
            d -> {},
            PayPalCallObserver.none());
  }

  @AfterEach
  void tearDown() {
    sim.close();
  }

  private WindowedListing.Stats listAll() {
    Instant now = clock.instant();
    Instant oldest = now.minus(CursorPoll.MAX_LOOKBACK);
    return new WindowedListing(paypal, MAX_PAGES).list(oldest, now, oldest, seen::addAll);
  }

  private Set<String> seenIds() {
    Set<String> ids = new HashSet<>();
    seen.forEach(d -> ids.add(d.disputeId()));
    return ids;
  }

  private static int minimumPages(int disputes) {
    return (disputes + WindowedListing.PAGE_SIZE - 1) / WindowedListing.PAGE_SIZE;
  }

  private List<String> listQueries() {
    return sim.requestsTo("list").stream().map(SimRequest::pathAndQuery).toList();
  }

  @Test
  void aBackfillReadsEveryPageOnceAndCloseToTheMinimum() {
    List<String> ids = SimSeeds.historic(sim, 1_000, clock, new Random(7));

    WindowedListing.Stats stats = listAll();

    assertThat(seenIds()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(listQueries()).doesNotHaveDuplicates();
    int windowsNeeded = (ids.size() + PER_WINDOW - 1) / PER_WINDOW;
    // 1,000 disputes: 20 pages at least, in 10 windows of 2 pages; each window edge re-reads a
    // dispute.
    assertThat(stats.pages())
        .isEqualTo(sim.count("list"))
        .isLessThanOrEqualTo(minimumPages(1_000) + windowsNeeded);
    assertThat(stats.items()).isLessThanOrEqualTo(ids.size() + stats.windows());
    assertThat(listQueries()).noneSatisfy(q -> assertThat(q).contains("update_time_before="));
  }

  @Test
  void disputesCreatedInTheSameMillisecondAcrossAWindowEdgeAreAllFound() {
    Instant now = clock.instant();
    Instant tie = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
    List<String> ids = new ArrayList<>();
    // Newest first: 80 newer, then 60 sharing one creation time across the edge at the 100th, then
    // 110 older.
    for (int i = 0; i < 250; i++) {
      Instant created = i < 80 ? tie.plusSeconds(80 - i) : i < 140 ? tie : tie.minusSeconds(i);
      ids.add(
          sim.createDispute(
              SimDisputeSpec.builder()
                  .createTime(created)
                  .updateTime(now.minus(Duration.ofHours(1)).plusMillis(i))
                  .build()));
    }

    WindowedListing.Stats stats = listAll();

    assertThat(seenIds()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(listQueries()).doesNotHaveDuplicates();
    assertThat(listQueries()).anySatisfy(q -> assertThat(q).contains("create_time_before="));
    // The ties are read again after the edge: one extra page, not a window read twice.
    assertThat(stats.pages()).isLessThanOrEqualTo(minimumPages(250) + 2);
  }

  @Test
  void aWindowWhoseDisputesShareOneCreationTimeIsSplitByUpdateTimeInstead() {
    Instant now = clock.instant();
    Instant created = now.minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      ids.add(
          sim.createDispute(
              SimDisputeSpec.builder()
                  .createTime(created)
                  .updateTime(now.minus(Duration.ofHours(30)).plusSeconds(i * 60L))
                  .build()));
    }

    listAll();

    assertThat(seenIds()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(listQueries()).doesNotHaveDuplicates();
    assertThat(listQueries()).anySatisfy(q -> assertThat(q).contains("update_time_before="));
  }

  @Test
  void aWindowGoingOnBeforePayPals180DaysIsSplitByUpdateTimeInstead() {
    Instant now = clock.instant();
    List<String> ids = new ArrayList<>();
    // Created 200 to 230 days ago, updated in the last month: still listed, but PayPal refuses a
    // create_time_before that old.
    for (int i = 0; i < 250; i++) {
      ids.add(
          sim.createDispute(
              SimDisputeSpec.builder()
                  .createTime(now.minus(Duration.ofDays(200)).minus(Duration.ofMinutes(i * 170L)))
                  .updateTime(now.minus(Duration.ofDays(30)).plus(Duration.ofMinutes(i * 170L)))
                  .build()));
    }

    listAll();

    assertThat(seenIds()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(listQueries()).doesNotHaveDuplicates();
    assertThat(listQueries()).noneSatisfy(q -> assertThat(q).contains("create_time_before="));
    assertThat(listQueries()).anySatisfy(q -> assertThat(q).contains("update_time_before="));
  }
}
