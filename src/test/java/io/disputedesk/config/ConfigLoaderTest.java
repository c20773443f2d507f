package io.disputedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ConfigLoaderTest {

  /** The settings every start needs, valid; tests add what they check. */
  public static Map<String, String> valid() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-123-secret-bot");
    env.put("SLACK_SIGNING_SECRET", "s1gn1ng-secret-value");
    env.put("DISPUTES_CHANNEL", "C0123ABCD");
    env.put("PAYPAL_CLIENT_ID", "client-id");
    env.put("PAYPAL_CLIENT_SECRET", "paypal-secret-value");
    return env;
  }

  @Test
  void defaultsApplyWhenOnlyRequiredSettingsAreGiven() {
    Config c = ConfigLoader.load(ConfigSource.of(valid()));
    assertThat(c.slack().apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(c.slack().socketMode()).isFalse();
    assertThat(c.paypal().baseUrl()).isEqualTo("https://api-m.sandbox.paypal.com");
    assertThat(c.databaseUrl()).isEqualTo("jdbc:sqlite:data/dispute-desk.db");
    assertThat(c.port()).isEqualTo(3000);
    assertThat(c.schedule().pollInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.schedule().digestTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(c.schedule().digestZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(c.schedule().reminderThresholds())
        .containsExactly(Duration.ofHours(72), Duration.ofHours(24), Duration.ofHours(4));
    assertThat(c.roles().approvers()).isEmpty();
    assertThat(c.approvalThreshold().anyCurrency()).isEmpty();
  }

  @Test
  void theAuditLogIsKeptFourHundredDaysUnlessAnotherWholeNumberOfDaysIsSet() {
    assertThat(ConfigLoader.load(ConfigSource.of(valid())).auditRetentionDays()).isEqualTo(400);
    Map<String, String> env = valid();
    env.put("AUDIT_RETENTION_DAYS", "730");
    assertThat(ConfigLoader.load(ConfigSource.of(env)).auditRetentionDays()).isEqualTo(730);

    for (String bad : List.of("0", "-5", "1.5", "a year", "36501")) {
      env.put("AUDIT_RETENTION_DAYS", bad);
      assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains(
                          "AUDIT_RETENTION_DAYS must be a whole number of days from 1 to 36500"));
    }
  }

  @Test
  void theBotListensOnEveryInterfaceUnlessAnIpAddressIsGiven() {
    assertThat(ConfigLoader.load(ConfigSource.of(valid())).bindAddress()).isEqualTo("0.0.0.0");
    Map<String, String> env = valid();
    for (String ok : List.of("127.0.0.1", "10.0.3.7", "::1", "::")) {
      env.put("BIND_ADDRESS", ok);
      assertThat(ConfigLoader.load(ConfigSource.of(env)).bindAddress()).isEqualTo(ok);
    }
    for (String bad : List.of("localhost", "example.com", "256.1.1.1", "127.0.0", ":::1:::x")) {
      env.put("BIND_ADDRESS", bad);
      assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
          .as(bad)
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains(
                          "BIND_ADDRESS must be an IP address such as 0.0.0.0 (every interface) or 127.0.0.1"));
    }
  }

  @Test
  void everyMissingRequiredSettingIsNamedAtOnce() {
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(Map.of())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(5);
              assertThat(e.getMessage())
                  .contains(
                      "SLACK_BOT_TOKEN",
                      "SLACK_SIGNING_SECRET",
                      "DISPUTES_CHANNEL",
                      "PAYPAL_CLIENT_ID",
                      "PAYPAL_CLIENT_SECRET");
            });
  }

  @Test
  void withoutAnySettingTheMessagePointsAtTheDemo() {
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(Map.of())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("5 settings need attention", "Set them as environment variables")
                    .endsWith(
                        "\nTo try it without any account: java -jar target/dispute-desk.jar demo"));
  }

  @Test
  void oneProblemIsOneSettingToSetAndNeedsNoDemoHintWhenTheAccountsAreSet() {
    Map<String, String> env = valid();
    env.put("PORT", "99999");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "1 setting needs attention",
                        "Set it as an environment variable or in the config file")
                    .doesNotContain("Set them", "settings need", "without any account"));
    env.put("PORT", "3000");
    env.remove("PAYPAL_CLIENT_SECRET");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "1 setting needs attention", "Set it as", "To try it without any account"));
  }

  @Test
  void theChannelIdIsFoundTheWayTheReadmeSays() throws Exception {
    Map<String, String> env = valid();
    env.put("DISPUTES_CHANNEL", "#disputes");
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("not a name (" + ConfigLoader.CHANNEL_ID_HOW + ")"));
    env.remove("DISPUTES_CHANNEL");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.getMessage()).contains(ConfigLoader.CHANNEL_ID_HOW));
    assertThat(readme)
        .contains(
            ConfigLoader.CHANNEL_ID_HOW.substring(ConfigLoader.CHANNEL_ID_HOW.indexOf("in Slack")));
  }

  @Test
  void malformedSettingsAreExplainedWithoutShowingSecrets() {
    Map<String, String> env = valid();
    env.put("SLACK_BOT_TOKEN", "xoxp-user-token-secret");
    env.put("PAYPAL_ENV", "production");
    env.put("POLL_INTERVAL", "2 minutes");
    env.put("DIGEST_TIMEZONE", "Mars/Olympus");
    env.put("APPROVERS", "U123ABC,@alice");
    env.put("PORT", "99999");
    env.put("DATABASE_URL", "mysql://x");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems()).hasSize(7);
              assertThat(e.getMessage())
                  .contains(
                      "SLACK_BOT_TOKEN",
                      "PAYPAL_ENV",
                      "POLL_INTERVAL",
                      "DIGEST_TIMEZONE",
                      "@alice",
                      "PORT",
                      "DATABASE_URL")
                  .doesNotContain("xoxp-user-token-secret");
            });
  }

  @Test
  void metricsTokenIsOptionalSecretAndMustBeLongEnough() {
    assertThat(ConfigLoader.load(ConfigSource.of(valid())).metricsToken()).isEmpty();

    Map<String, String> env = valid();
    env.put("METRICS_TOKEN", "0f3c9a1b2d4e5f60718293a4b5c6d7e8");
    Config c = ConfigLoader.load(ConfigSource.of(env));
    assertThat(c.metricsToken()).map(Secret::reveal).hasValue("0f3c9a1b2d4e5f60718293a4b5c6d7e8");
    assertThat(c.toString()).doesNotContain("0f3c9a1b2d4e5f60718293a4b5c6d7e8");

    env.put("METRICS_TOKEN", "hunter2");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("METRICS_TOKEN must be at least 24 characters")
                    .doesNotContain("hunter2"));
  }

  @Test
  void environmentOverridesTheConfigFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dd.yml");
    Files.writeString(
        file,
        """
        slack_bot_token: xoxb-from-file
        SLACK_SIGNING_SECRET: file-secret
        DISPUTES_CHANNEL: C0FILE123
        PAYPAL_CLIENT_ID: file-client
        PAYPAL_CLIENT_SECRET: file-paypal-secret
        PAYPAL_ENV: live
        APPROVERS: [U0AAA111, S0GROUP1]
        APPROVAL_THRESHOLD: 500,JPY:70000
        """);
    Config c =
        ConfigLoader.load(
            ConfigSource.load(Optional.of(file), Map.of("DISPUTES_CHANNEL", "C0ENV456")));
    assertThat(c.slack().channel()).isEqualTo("C0ENV456");
    assertThat(c.slack().botToken().reveal()).isEqualTo("xoxb-from-file");
    assertThat(c.paypal().baseUrl()).isEqualTo("https://api-m.paypal.com");
    assertThat(c.roles().approvers()).containsExactly("U0AAA111", "S0GROUP1");
    assertThat(c.approvalThreshold().requiresSecondApprover(new BigDecimal("500.01"), "USD"))
        .isTrue();
    assertThat(c.approvalThreshold().requiresSecondApprover(new BigDecimal("60000"), "JPY"))
        .isFalse();
  }

  @Test
  void baseUrlOverridesEnvironmentAndSecretsNeverPrint() {
    Map<String, String> env = valid();
    env.put("PAYPAL_BASE_URL", "http://127.0.0.1:4010/");
    env.put("SLACK_API_URL", "http://127.0.0.1:9999/api");
    Config c = ConfigLoader.load(ConfigSource.of(env));
    assertThat(c.paypal().baseUrl()).isEqualTo("http://127.0.0.1:4010");
    assertThat(c.slack().apiUrl()).isEqualTo("http://127.0.0.1:9999/api/");
    assertThat(c.toString())
        .doesNotContain("xoxb-123-secret-bot", "s1gn1ng-secret-value", "paypal-secret-value");
  }

  @Test
  void configNeverPrintsTheDatabasePassword() {
    Map<String, String> env = valid();
    env.put(
        "DATABASE_URL",
        "jdbc:postgresql://db.internal:5432/desk?user=desk&password=pg-query-s3cret&ssl=true");
    String printed = ConfigLoader.load(ConfigSource.of(env)).toString();
    assertThat(printed)
        .contains("jdbc:postgresql://db.internal:5432/desk?user=desk&password=***&ssl=true")
        .doesNotContain("pg-query-s3cret");

    env.put("DATABASE_URL", "jdbc:postgresql://desk:pg-userinfo-s3cret@db.internal/desk");
    printed = ConfigLoader.load(ConfigSource.of(env)).toString();
    assertThat(printed)
        .contains("jdbc:postgresql://desk:***@db.internal/desk")
        .doesNotContain("pg-userinfo-s3cret");
    assertThat(printed)
        .doesNotContain("xoxb-123-secret-bot", "s1gn1ng-secret-value", "paypal-secret-value")
        .contains("port=3000", "roles=Roles[");
  }

  @Test
  void viewersAreReadLikeTheOtherRoles() {
    Map<String, String> env = valid();
    env.put("VIEWERS", "U0VIEW111, S0SUPPORT");
    assertThat(ConfigLoader.load(ConfigSource.of(env)).roles().viewers())
        .containsExactly("U0VIEW111", "S0SUPPORT");
    assertThat(ConfigLoader.load(ConfigSource.of(valid())).roles().viewers()).isEmpty();
    env.put("VIEWERS", "support-team");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .contains("VIEWERS", "support-team"));
  }

  @Test
  void socketModeNeedsAnAppLevelToken() {
    Map<String, String> env = valid();
    env.put("SLACK_APP_TOKEN", "xoxb-wrong-kind");
    assertThatThrownBy(() -> ConfigLoader.load(ConfigSource.of(env)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .contains("SLACK_APP_TOKEN", "xapp-"));
    env.put("SLACK_APP_TOKEN", "xapp-1-abc");
    assertThat(ConfigLoader.load(ConfigSource.of(env)).slack().socketMode()).isTrue();
  }

  @Test
  void unreadableConfigFileIsReportedAsAProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, "a: [unclosed");
    assertThatThrownBy(() -> ConfigSource.load(Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> ConfigSource.load(Optional.of(dir.resolve("missing.yml")), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }
}
