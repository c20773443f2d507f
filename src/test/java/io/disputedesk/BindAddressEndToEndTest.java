package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import io.disputedesk.testing.Network;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** BIND_ADDRESS decides which interface the whole bot's HTTP port listens on. */
class BindAddressEndToEndTest {
  @RegisterExtension
  final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private BotDesk desk;

  @Test
  void aLoopbackBindAnswersOnThisMachineOnly() throws Exception {
    desk = bot.desk().with("BIND_ADDRESS", "127.0.0.1");
    desk.start();
    int port = desk.app().port();

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);

    Optional<InetAddress> lan = Network.nonLoopbackAddress();
    Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to try");
    assertThatThrownBy(() -> new Socket(lan.get(), port).close())
        .isInstanceOf(ConnectException.class);
  }
}
