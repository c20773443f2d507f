package io.disputedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlSecretsTest {
  @Test
  void queryPasswordsAreMaskedAndRemembered() {
    UrlSecrets s =
        UrlSecrets.of("jdbc:postgresql://h/db?user=u&password=p%40ss&sslpassword=k2&ssl=true");
    assertThat(s.redactedUrl())
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&sslpassword=***&ssl=true");
    assertThat(s.scrub("auth failed for p@ss and p%40ss and k2"))
        .isEqualTo("auth failed for *** and *** and ***");
  }

  @Test
  void userInfoPasswordIsMasked() {
    UrlSecrets s = UrlSecrets.of("jdbc:postgresql://desk:topsecret@db.internal:5432/x");
    assertThat(s.redactedUrl()).isEqualTo("jdbc:postgresql://desk:***@db.internal:5432/x");
    assertThat(s.leaksInto(new RuntimeException("x", new IllegalStateException("topsecret"))))
        .isTrue();
    assertThat(s.leaksInto(new RuntimeException("harmless"))).isFalse();
  }

  @Test
  void urlWithoutSecretsIsUnchanged() {
    UrlSecrets s = UrlSecrets.of("jdbc:sqlite:/var/lib/disputedesk/data.db");
    assertThat(s.redactedUrl()).isEqualTo("jdbc:sqlite:/var/lib/disputedesk/data.db");
    assertThat(s.secrets()).isEmpty();
  }
}
