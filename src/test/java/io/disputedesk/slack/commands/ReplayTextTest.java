package io.disputedesk.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.FilterWords;
import io.disputedesk.rules.RuleReplay;
import io.disputedesk.rules.RuleSettings;
import io.disputedesk.rules.RuleTrigger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The replay answer says its filter judges disputes as they are today, when it has a filter. */
class ReplayTextTest {
  @Test
  void aRuleWithAFilterIsToldItsFilterSeesEachDisputeAsItIsToday() {
    String text =
        ReplayText.of(
            rule(FilterWords.parse("inr", FilterWords.Use.ROUTE)),
            30,
            new RuleReplay.ReplayResult());

    assertThat(text)
        .endsWith(
            "• Matches *0* disputes.\n"
                + "• The filter is checked against each dispute as it is today.");
  }

  @Test
  void aRuleWithoutAFilterHasNothingToSayAboutIt() {
    assertThat(ReplayText.of(rule(DisputeFilter.everything()), 30, new RuleReplay.ReplayResult()))
        .endsWith("• Matches *0* disputes.")
        .doesNotContain("filter");
  }

  private static RuleSettings rule(DisputeFilter when) {
    return new RuleSettings(
        "replayed", "U0OWNER001", Set.of(RuleTrigger.NEW_DISPUTE), null, when, false, List.of());
  }
}
