package io.disputedesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.Settings;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigLoaderTest;
import io.disputedesk.config.ConfigSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RulesConfigTest {
  private static Map<String, String> env() {
    Map<String, String> env = ConfigLoaderTest.valid();
    env.put("APPROVERS", "U0BOSS0001");
    env.put("AGENTS", "U0AGENT001");
    return env;
  }

  private static String problems(String rules) {
    Map<String, String> env = env();
    env.put("RULES", rules);
    try {
      Settings.load(ConfigSource.of(env));
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("the rules were accepted");
  }

  @Test
  void rulesAreReadWithTheirTriggersFilterModeAndActions() {
    Map<String, String> env = env();
    env.put(
        "RULES",
        "[{name: small, owner: U0BOSS0001, trigger: [new dispute, due within 48h], when: inr 0-10 USD,"
            + " actions: [{assign: round-robin S0TEAM0001}, {message: 'Hi {buyer_name}, {amount}'},"
            + " {accept: '10 USD, 9 EUR'}, {mention: U0AGENT001}]},"
            + " {name: loud, owner: U0AGENT001, trigger: buyer message, mode: on, actions: [{mention: S0TEAM0001}]}]");
    Settings c = Settings.load(ConfigSource.of(env));

    assertThat(c.rules()).hasSize(2);
    RuleSettings small = c.rules().get(0);
    assertThat(small.on()).as("dry-run by default").isFalse();
    assertThat(small.triggers())
        .containsExactlyInAnyOrder(RuleTrigger.NEW_DISPUTE, RuleTrigger.DUE_WITHIN);
    assertThat(small.dueWithin()).isEqualTo(Duration.ofHours(48));
    assertThat(small.when().words()).isEqualTo("inr 0-10 USD");
    assertThat(small.steps())
        .containsExactly(
            new RuleStep.Assign(null, "S0TEAM0001"),
            new RuleStep.SendMessage("Hi {buyer_name}, {amount}"),
            new RuleStep.AcceptClaim(
                Map.of("USD", new BigDecimal("10"), "EUR", new BigDecimal("9")), false),
            new RuleStep.Mention("U0AGENT001"));
    assertThat(c.rules().get(1).on()).isTrue();
    assertThat(c.rules().get(1).when().isEverything()).isTrue();
  }

  @Test
  void aRuleWhoseOwnerIsNotAnApproverMayNotAcceptClaims() {
    assertThat(
            problems(
                "[{name: refunds, owner: U0AGENT001, trigger: new dispute, actions: [{accept: 10 USD}]}]"))
        .contains(
            "Rule \"refunds\": owner U0AGENT001 is not an approver (APPROVERS), and only a rule whose owner is"
                + " an approver may accept claims.");
  }

  @Test
  void eachBadFieldIsNamedWithItsRule() {
    String p =
        problems(
            "[{name: a, owner: bob, trigger: sometimes, when: nonsense, mode: maybe,"
                + " actions: [{assign: bob}, {message: 'Hi {name}'}, {accept: ten}, {mention: '#general'}, {wave: hi}]},"
                + " {name: a, owner: U0BOSS0001, trigger: new, actions: []}, {name: Bad Name, owner: U0BOSS0001,"
                + " trigger: new, actions: [{mention: U0BOSS0001}], colour: red}]");

    assertThat(p)
        .contains(
            "Rule \"a\": owner must be the Slack user id (U…)",
            "Rule \"a\": trigger \"sometimes\" is not one of",
            "Rule \"a\": when: I don't know the filter “nonsense”",
            "Rule \"a\": mode must be dry-run",
            "Rule \"a\", action 1: assign takes a Slack user id (U…) or \"round-robin S…\"",
            "Rule \"a\", action 2: message has the placeholder {name}",
            "Rule \"a\", action 3: accept limit \"ten\" is not an amount with its currency",
            "Rule \"a\", action 4: mention takes a Slack user id",
            "Rule \"a\", action 5: unknown action \"wave\"",
            "Rule \"a\": name is used by another rule",
            "Rule \"a\": actions must list at least one",
            "Rule 3: name must be lower-case letters",
            "Rule 3: unknown field \"colour\"");
  }

  @Test
  void theExampleConfigFileHasValidRules() throws Exception {
    String yaml = Files.readString(Path.of("config/dispute-desk.multi-account.example.yml"));
    Map<String, String> env = ConfigLoaderTest.valid();
    env.remove("PAYPAL_CLIENT_ID");
    env.remove("PAYPAL_CLIENT_SECRET");
    Settings c = Settings.load(ConfigSource.ofYaml(yaml, env));

    assertThat(c.rules())
        .extracting(RuleSettings::name)
        .containsExactly("take-turns", "refund-small-inr");
    assertThat(c.rules().get(0).on()).isTrue();
    assertThat(c.rules().get(1).acceptStep())
        .hasValueSatisfying(a -> assertThat(a.allowChargebacks()).isFalse());
  }
}
