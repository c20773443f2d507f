package io.disputedesk.rules;

import io.disputedesk.actions.ActionSummary;
import io.disputedesk.auth.GroupDirectory;
import io.disputedesk.config.ApprovalThreshold;
import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.FilterWords;
import io.disputedesk.dispute.StoredDispute;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides what each step of a rule does to a dispute, without doing it: the same plan feeds the
 * dry-run note, the live run and the replay. {@code live} plans check that PayPal offers the action
 * now; a replay looks at what the dispute was, not at the links it has today.
 */
final class Planner {
  private static final DisputeFilter CHARGEBACKS =
      FilterWords.parse("chargeback pre-arbitration arbitration", FilterWords.Use.ROUTE);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final ApprovalThreshold threshold;
  private final GroupDirectory groups;
  private final Absences absences;
  private final Clock clock;

  Planner(ApprovalThreshold threshold, GroupDirectory groups, Absences absences, Clock clock) {
    this.threshold = threshold;
    this.groups = groups;
    this.absences = absences;
    this.clock = clock;
  }

  /**
   * The plan of every step; {@code rotation} gives round-robin turns (taken only when a turn is
   * due).
   */
  List<Planned> plan(
      RuleSettings rule, StoredDispute stored, boolean live, Function<String, Rotation> rotation) {
    List<Planned> out = new ArrayList<>();
    for (RuleStep step : rule.steps()) {
      out.add(plan(step, stored, live, rotation));
    }
    return out;
  }

  private Planned plan(
      RuleStep step, StoredDispute stored, boolean live, Function<String, Rotation> rotation) {
    Dispute d = stored.dispute();
    if (step instanceof RuleStep.Assign a) {
      return assign(a, stored, rotation);
    }
    if (step instanceof RuleStep.SendMessage m) {
      if (live && !d.allows(ActionRequest.SendMessage.ACTION)) {
        return Planned.skip(step, "PayPal does not take messages on this dispute now");
      }
      return new Planned(step, Planned.Effect.ACT, null, null, fill(m.template(), d), null);
    }
    if (step instanceof RuleStep.AcceptClaim a) {
      return accept(a, stored, live);
    }
    return Planned.act(step);
  }

  private Planned assign(
      RuleStep.Assign a, StoredDispute stored, Function<String, Rotation> rotation) {
    if (stored.ownerUserId() != null) {
      return Planned.skip(a, "it already has an owner, <@" + stored.ownerUserId() + ">");
    }
    if (!a.roundRobin()) {
      return new Planned(a, Planned.Effect.ACT, null, a.userId(), null, null);
    }
    Instant now = clock.instant();
    List<String> members = new ArrayList<>(new TreeSet<>(groups.members(a.groupId())));
    if (members.isEmpty()) {
      return Planned.skip(
          a, "the user group <!subteam^" + a.groupId() + "> has no members I can read");
    }
    List<String> available =
        members.stream().filter(u -> absences.awayUntil(u, now).isEmpty()).toList();
    Optional<String> next = rotation.apply(a.groupId()).next(available);
    return next.map(u -> new Planned(a, Planned.Effect.ACT, null, u, null, null))
        .orElseGet(() -> Planned.skip(a, "everyone in <!subteam^" + a.groupId() + "> is away"));
  }

  private Planned accept(RuleStep.AcceptClaim a, StoredDispute stored, boolean live) {
    Dispute d = stored.dispute();
    if (!a.allowChargebacks() && CHARGEBACKS.matches(stored.facts())) {
      return Planned.skip(
          a,
          "it is a chargeback or in pre-arbitration, which the rule does not accept"
              + " (allow_chargebacks: true would)");
    }
    Optional<Money> refund =
        ActionSummary.refundAmount(ActionRequest.AcceptClaim.fullRefund("x"), d);
    if (refund.isEmpty()) {
      return Planned.skip(a, "I can't tell how much the refund would be");
    }
    Money money = refund.get();
    if (!a.within(money.value(), money.currencyCode())) {
      BigDecimal limit = a.limits().get(money.currencyCode());
      return Planned.skip(
          a,
          limit == null
              ? "the rule has no limit for "
                  + money.currencyCode()
                  + " (its limits: "
                  + Planned.limits(a)
                  + ")"
              : money.display()
                  + " is above the rule's limit of "
                  + new Money(money.currencyCode(), limit).display());
    }
    if (live && !d.allows(ActionRequest.AcceptClaim.ACTION)) {
      return Planned.skip(a, "PayPal does not offer accepting this dispute now");
    }
    Planned.Effect effect =
        threshold.requiresSecondApprover(money.value(), money.currencyCode())
            ? Planned.Effect.SECOND_APPROVER
            : Planned.Effect.ACT;
    return new Planned(a, effect, null, null, null, money);
  }

  /**
   * The template with its placeholders filled in from the dispute (plain text: PayPal shows it to
   * the buyer).
   */
  static String fill(String template, Dispute d) {
    Optional<Dispute.DisputedTransaction> t = d.firstTransaction();
    String buyer =
        t.map(Dispute.DisputedTransaction::buyer)
            .map(Dispute.Buyer::name)
            .filter(n -> !n.isBlank())
            .orElse("there");
    String txn =
        t.map(
                x ->
                    x.buyerTransactionId() != null
                        ? x.buyerTransactionId()
                        : x.sellerTransactionId())
            .orElse("");
    String amount = d.disputeAmount() == null ? "" : d.disputeAmount().display();
    String due = d.sellerResponseDueDate() == null ? "" : DATE.format(d.sellerResponseDueDate());
    return template
        .replace("{buyer_name}", buyer)
        .replace("{amount}", amount)
        .replace("{transaction_id}", txn)
        .replace("{due_date}", due);
  }
}
