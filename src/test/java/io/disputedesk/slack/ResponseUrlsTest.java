package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseUrlsTest {
  private static final String HOOK =
      "https://hooks.slack.com/commands/T0A1B2C3D/1111111111111/AbCdEfGhIjKlMnOpQrStUvWx";

  private final ResponseUrls slack = ResponseUrls.forApi("https://slack.com/api/");
  private final ResponseUrls local = ResponseUrls.forApi("http://127.0.0.1:5555/api/");

  @Test
  void slacksResponseUrlsAreAllowedOverHttpsOnly() {
    assertThat(slack.allows(HOOK)).isTrue();
    assertThat(slack.allows("https://HOOKS.slack.com:443/actions/T/1/x")).isTrue();
    assertThat(slack.allows("http://hooks.slack.com/commands/T/1/x")).isFalse();
    assertThat(slack.allows("https://hooks.slack.com:8443/commands/T/1/x")).isFalse();
  }

  @Test
  void otherHostsAndLookAlikesAreRefused() {
    for (String url :
        new String[] {
          "https://example.com/commands/T/1/x",
          "https://hooks.slack.com.example.com/commands/T/1/x",
          "https://example.com/hooks.slack.com/commands",
          "https://hooks.slack.com@example.com/commands/T/1/x",
          "https://user:pw@hooks.slack.com/commands/T/1/x",
          "https://slack.com/api/chat.postMessage",
          "https://hooks.slack.com\\@example.com/",
          "ftp://hooks.slack.com/x",
          "/commands/T/1/x",
          "not a url",
          "",
          " ",
          null
        }) {
      assertThat(slack.allows(url)).as(url).isFalse();
    }
  }

  @Test
  void aLocalSlackAllowsExactlyItsOwnOrigin() {
    assertThat(local.allows("http://127.0.0.1:5555/hooks/commands/T/1/x")).isTrue();
    assertThat(local.allows(HOOK)).isTrue();
    assertThat(local.allows("http://127.0.0.1:5556/hooks/commands/T/1/x")).isFalse();
    assertThat(local.allows("https://127.0.0.1:5555/hooks/commands/T/1/x")).isFalse();
    assertThat(local.allows("http://localhost:5555/hooks/commands/T/1/x")).isFalse();
    assertThat(slack.allows("http://127.0.0.1:5555/hooks/commands/T/1/x")).isFalse();
  }

  @Test
  void theLogShowsOnlyTheOrigin() {
    assertThat(ResponseUrls.redacted("http://127.0.0.1:5556/commands/T/1/SeCrEt?token=abc#frag"))
        .isEqualTo("http://127.0.0.1:5556");
    assertThat(ResponseUrls.redacted(HOOK)).isEqualTo("https://hooks.slack.com:443");
    assertThat(ResponseUrls.redacted("https://u:secret@example.com/x")).isEqualTo("(not a URL)");
  }
}
