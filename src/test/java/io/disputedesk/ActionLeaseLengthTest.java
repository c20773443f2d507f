package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.actions.LeaseSettings;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.PayPalCallObserver;
import io.disputedesk.paypal.PayPalClient;
import io.disputedesk.paypal.PayPalCredentials;
import io.disputedesk.paypal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The lease on a running action outlasts the longest PayPal call the bot's HTTP client allows. */
class ActionLeaseLengthTest {
  private static PayPalClient paypal(OkHttpClient http) {
    return new PayPalClient(
        http,
        Json.newMapper(),
        new PayPalCredentials("http://127.0.0.1:9", "id", "secret"),
        Clock.systemUTC(),
        Sleeper.system(),
        PayPalCallObserver.none());
  }

  @Test
  void theLeaseOutlastsTheWorstCaseCallOfTheBotsHttpClient() {
    OkHttpClient http = App.newHttpClient();

    // Token: 4 attempts of 60 s and 3 waits of up to 60 s (7 min), possibly after another thread's
    // fetch (7 min), then the action (1 min); a 401 does it all once more: 2 × 15 min.
    Duration worst = paypal(http).worstCaseActionCall();

    assertThat(worst).isEqualTo(Duration.ofMinutes(30));
    LeaseSettings lease = LeaseSettings.covering(worst);
    assertThat(lease.length()).isEqualTo(Duration.ofMinutes(31)).isGreaterThan(worst);
    assertThat(lease.heartbeat()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aClientWithoutACallTimeoutHasNoWorstCase() {
    assertThatThrownBy(() -> paypal(new OkHttpClient()).worstCaseActionCall())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no call timeout");
  }

  @Test
  void aHeartbeatMustFitTwiceIntoTheLease() {
    assertThatThrownBy(() -> new LeaseSettings(Duration.ofSeconds(2), Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
