package io.disputedesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.Settings;
import io.disputedesk.dispute.FilterStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsConfigTest {
  private static Map<String, String> slackOnly() {
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", "xoxb-123-secret-bot");
    env.put("SLACK_SIGNING_SECRET", "s1gn1ng-secret-value");
    env.put("DISPUTES_CHANNEL", "C0123ABCD");
    return env;
  }

  private static String problems(String yaml, Map<String, String> env) {
    try {
      Settings.load(ConfigSource.ofYaml(yaml, env));
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("the settings were accepted");
  }

  @Test
  void theSingleAccountSettingsAreTheAccountNamedDefault() {
    Map<String, String> env = ConfigLoaderTest.valid();
    env.put("PAYPAL_WEBHOOK_ID", "1JE4291016473214C");
    Settings settings = Settings.load(ConfigSource.of(env));
    Config c = settings.config();

    assertThat(c.accounts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.name()).isEqualTo("default");
              assertThat(a.clientId()).isEqualTo("client-id");
              assertThat(a.webhookPath()).isEqualTo("/paypal/webhooks");
              assertThat(a.partner()).isEmpty();
            });
    assertThat(c.severalAccounts()).isFalse();
    assertThat(settings.routes()).isEmpty();
  }

  @Test
  void theExampleConfigFileIsValidAndReadsAsDocumented() throws Exception {
    String yaml = Files.readString(Path.of("config/dispute-desk.multi-account.example.yml"));
    Map<String, String> env = slackOnly();
    env.put("PAYPAL_ACCOUNT_BRAND_B_CLIENT_SECRET", "secret-from-the-environment");
    Settings settings = Settings.load(ConfigSource.ofYaml(yaml, env));
    Config c = settings.config();

    assertThat(c.accounts())
        .extracting(AccountSettings::name)
        .containsExactly("default", "brand-b", "seller-42");
    assertThat(c.accounts().get(1).clientSecret().reveal())
        .isEqualTo("secret-from-the-environment");
    assertThat(c.accounts().get(1).webhookPath()).isEqualTo("/paypal/webhooks/brand-b");
    AccountSettings seller = c.accounts().get(2);
    assertThat(seller.partner()).contains("default");
    assertThat(seller.payerId()).contains("7YNKB3ZL5WQ9S");
    assertThat(seller.clientId()).as("the partner's app").isEqualTo(c.accounts().get(0).clientId());
    assertThat(seller.baseUrl()).isEqualTo("https://api-m.paypal.com");
    assertThat(settings.routes()).hasSize(5);
    assertThat(settings.routes().get(2).when().stages())
        .containsExactlyInAnyOrder(
            FilterStage.CLAIM,
            FilterStage.CHARGEBACK,
            FilterStage.PRE_ARBITRATION,
            FilterStage.ARBITRATION);
    assertThat(settings.routes().get(3).when().words()).isEqualTo("500 450 EUR 70000 JPY 500 USD");
    assertThat(c.severalAccounts()).isTrue();
    assertThat(c.toString()).doesNotContain("secret-from-the-environment", "replace-me\"");
    assertThat(settings.toString()).doesNotContain("secret-from-the-environment", "replace-me\"");
  }

  @Test
  void routesAndAccountsComeFromEnvironmentVariablesAsYamlToo() {
    Map<String, String> env = slackOnly();
    env.put("ACCOUNTS", "[{name: shop, client_id: id-1, client_secret: s-1}]");
    env.put("ROUTES", "[{channel: C0SHOP0001, when: [account:shop, claim]}]");
    Settings settings = Settings.load(ConfigSource.of(env));
    Config c = settings.config();

    assertThat(c.accounts()).extracting(AccountSettings::name).containsExactly("shop");
    assertThat(c.paypal().clientId()).isEqualTo("id-1");
    assertThat(settings.routes())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.channel()).isEqualTo("C0SHOP0001");
              assertThat(r.when().words()).isEqualTo("account:shop claim");
            });
  }

  @Test
  void badAccountsAndRoutesAreNamedAllAtOnce() {
    String yaml =
        """
        accounts:
          - name: Brand A
            client_id: x
            client_secret: y
          - name: shop
            client_id: x
          - name: seller
            partner: nobody
            payer_id: ABCDE12345
          - name: seller2
            partner: shop
          - name: twice
            client_id: a
            client_secret: b
            webhook_id: WH1
          - name: twice
            client_id: a
            client_secret: b
          - name: other
            client_id: a
            client_secret: b
            webhook_id: WH1
            colour: blue
        routes:
          - channel: "#finance"
            when: claim
          - channel: C0FINANCE1
            when: due
          - channel: C0FINANCE1
          - channel: C0FINANCE1
            when: account:ghost
        """;
    String message = problems(yaml, slackOnly());

    assertThat(message)
        .contains(
            "Each account needs a name of lower-case letters",
            "Account \"shop\" needs client_id and client_secret (or PAYPAL_ACCOUNT_SHOP_CLIENT_ID",
            "Account \"seller\" names partner \"nobody\", which is not an account with its own client_id",
            "Account \"twice\" is configured twice",
            "Account \"other\" has an unknown setting colour",
            "Webhook id WH1 is given to more than one account",
            "Route 1 needs a channel id like C0123ABCD",
            "Route 2 (C0FINANCE1): “due” only goes with lists",
            "Route 3 (C0FINANCE1) needs when",
            "Route 4 (C0FINANCE1) names account ghost, which is not configured");
    assertThat(problems(yaml.replace("partner: shop", "partner: other"), slackOnly()))
        .contains("Account \"seller2\" needs the merchant's payer_id");
  }

  @Test
  void withoutAnAccountListThePayPalAppIsStillRequired() {
    assertThat(problems("DATABASE_URL: jdbc:sqlite:x.db\n", slackOnly()))
        .contains("PAYPAL_CLIENT_ID is not set", "PAYPAL_CLIENT_SECRET is not set");
    Map<String, String> env = ConfigLoaderTest.valid();
    assertThat(
            problems("accounts:\n  - name: default\n    client_id: a\n    client_secret: b\n", env))
        .contains(
            "Account \"default\" is configured twice (PAYPAL_CLIENT_ID already configures the account named default)");
    Config both =
        ConfigLoader.load(
            ConfigSource.ofYaml(
                "accounts:\n  - name: shop\n    partner: default\n" + "    payer_id: SHOP12345\n",
                env));
    assertThat(both.accounts())
        .extracting(AccountSettings::name)
        .containsExactly("default", "shop");
    assertThat(both.accounts().get(1).payerId()).isEqualTo(Optional.of("SHOP12345"));
    assertThat(List.of(both.accounts().get(1).webhookPath()))
        .containsExactly("/paypal/webhooks/shop");
  }
}
