package io.disputedesk.actions;

import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.AcknowledgementType;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Dispute.DisputeOutcome;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.EvidenceSource;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.OfferEventType;
import io.disputedesk.paypal.OutcomeCode;
import io.disputedesk.paypal.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a freshly read dispute for an action whose answer was lost. Only the action's own trace
 * counts as done: the seller's message or note with the same text dated after the call began, the
 * offer in the history, the seller's new evidence, a resolution that refunded the buyer without
 * PayPal deciding or the buyer accepting an offer. A resolved dispute or a vanished link alone
 * proves nothing (the buyer may have cancelled or escalated); a link PayPal still offers, or a case
 * closed another way, shows it did not happen.
 */
public final class Effects {
  /**
   * PayPal's clock and ours may differ a little: a trace dated this much before the call still
   * counts.
   */
  static final Duration SKEW = Duration.ofMinutes(1);

  private static final Set<OutcomeCode> CLOSED_WITHOUT_REFUND =
      Set.of(OutcomeCode.CANCELED_BY_BUYER, OutcomeCode.RESOLVED_SELLER_FAVOUR, OutcomeCode.DENIED);
  private static final String NO_SIGN = "the dispute shows no sign of it: ";
  private static final Set<String> PAYPAL_DECIDED_FOR_BUYER =
      Set.of("PAYOUT_TO_BUYER", "RECOVER_FROM_SELLER");

  private Effects() {}

  /**
   * The verdict on {@code request} (moving {@code amount}, nullable) whose PayPal call began at
   * {@code began}, from the dispute as PayPal shows it now, by the way its {@link ActionKind}
   * recognises it.
   */
  static Finding judge(
      ActionKind kind, ActionRequest request, Money amount, Instant began, Dispute after) {
    return kind.judge(request, amount, began.minus(SKEW), after);
  }

  // The ways an action's effect shows, each chosen by an ActionKind; since = began less SKEW.

  public static Finding message(
      ActionRequest.SendMessage m, Money amount, Instant since, Dispute after) {
    return sellerMessage(m.message(), since, after)
        .map(Finding::done)
        .orElseGet(() -> Finding.notDone(NO_SIGN + "no such message from you since it was sent"));
  }

  public static Finding supportingInfo(
      ActionRequest.ProvideSupportingInfo s, Money amount, Instant since, Dispute after) {
    return sellerNote(s.notes(), since, after)
        .map(x -> Finding.done("the information is on the dispute"))
        .orElseGet(
            () -> Finding.notDone(NO_SIGN + "no such information from you since it was sent"));
  }

  public static Finding offer(
      ActionRequest.MakeOffer o, Money amount, Instant since, Dispute after) {
    return oneShot(
        o.action(),
        offer(o, since, after),
        after,
        "PayPal no longer offers it, but the offer history shows no such offer from you");
  }

  public static Finding evidence(
      ActionRequest.ProvideEvidence e, Money amount, Instant since, Dispute after) {
    return evidence(e, e.evidences(), since, after);
  }

  public static Finding appeal(ActionRequest.Appeal e, Money amount, Instant since, Dispute after) {
    return evidence(e, e.evidences(), since, after);
  }

  public static Finding refund(
      ActionRequest.AcceptClaim a, Money amount, Instant since, Dispute after) {
    DisputeOutcome outcome = after.disputeOutcome();
    if (after.isResolved() && outcome != null) {
      Optional<String> refund = sellerRefund(outcome, amount, since, after);
      if (refund.isPresent()) {
        return Finding.done(refund.get());
      }
      if (CLOSED_WITHOUT_REFUND.contains(outcome.outcomeCode())) {
        // "Won: cancelled by the buyer" reads "(cancelled by the buyer)" here: what closed it, not
        // who won.
        String words = Words.outcome(outcome.outcomeCode());
        String how = words.substring(words.indexOf(": ") + 1).trim().toLowerCase(Locale.ROOT);
        return Finding.notDone("the dispute closed without it (" + how + ")");
      }
    }
    if (!after.isResolved() && after.allows(a.action())) {
      return Finding.notDone("PayPal still offers it and shows no refund");
    }
    return Finding.unproven(
        after.isResolved()
            ? "the dispute is resolved, but PayPal shows no refund from you that matches it"
            : "PayPal no longer offers it, but the dispute shows no refund yet");
  }

  public static Finding escalation(
      ActionRequest.Escalate e, Money amount, Instant since, Dispute after) {
    LifecycleStage stage = after.disputeLifeCycleStage();
    if (stage != null && stage != LifecycleStage.INQUIRY) {
      return sellerNote(e.note(), since, after)
          .map(x -> Finding.done("the dispute is now a claim, with your note"))
          .orElseGet(
              () ->
                  Finding.unproven(
                      "the dispute is now a claim, but nothing shows it was your escalation"
                          + " (the buyer may have escalated)"));
    }
    return offeredOnce(e, amount, since, after);
  }

  public static Finding acknowledgement(
      ActionRequest.AcknowledgeReturnItem request, Money amount, Instant since, Dispute after) {
    Optional<String> proof =
        evidence(request.evidences().stream().map(e -> e.evidenceType()).toList(), since, after);
    AcknowledgementType type = request.acknowledgementType();
    if (proof.isEmpty()
        && (type == null || type == AcknowledgementType.ITEM_RECEIVED)
        && after.isResolved()
        && after.disputeOutcome() != null) {
      proof = sellerRefund(after.disputeOutcome(), null, since, after);
    }
    return oneShot(
        request.action(),
        proof,
        after,
        "PayPal no longer offers it, but nothing in the dispute shows your acknowledgement");
  }

  /** A partial update can be sent again safely: details other than ours mean it did not land. */
  public static Finding contactDetails(
      ActionRequest.UpdateContactDetails c, Money amount, Instant since, Dispute after) {
    return contactDetails(c, since, after)
        .map(Finding::done)
        .orElseGet(() -> Finding.notDone(NO_SIGN + "PayPal shows other contact details"));
  }

  /** An action PayPal offers once and that leaves no trace of its own. */
  public static Finding offeredOnce(
      ActionRequest request, Money amount, Instant since, Dispute after) {
    return oneShot(request.action(), Optional.empty(), after, "PayPal no longer offers it");
  }

  private static Finding evidence(
      ActionRequest request, List<EvidenceInput> evidences, Instant since, Dispute after) {
    return oneShot(
        request.action(),
        evidence(types(evidences), since, after),
        after,
        "PayPal no longer offers it, but the dispute shows no such evidence from you");
  }

  private static List<String> types(List<EvidenceInput> evidences) {
    return evidences.stream().map(EvidenceInput::evidenceType).toList();
  }

  /** For an action PayPal offers once: proof, else a link still offered means it did not happen. */
  private static Finding oneShot(
      DisputeAction kind, Optional<String> proof, Dispute after, String unproven) {
    if (proof.isPresent()) {
      return Finding.done(proof.get());
    }
    return after.allows(kind)
        ? Finding.notDone("PayPal still offers it and the dispute shows no sign of it")
        : Finding.unproven(unproven);
  }

  private static Optional<String> sellerMessage(String text, Instant since, Dispute after) {
    return after.messages().stream()
        .filter(
            m ->
                m.postedBy() == Party.SELLER
                    && same(m.content(), text)
                    && onOrAfter(m.timePosted(), since))
        .findFirst()
        .map(m -> "the message is on the dispute");
  }

  private static Optional<String> sellerNote(String text, Instant since, Dispute after) {
    return after.supportingInfo().stream()
        .filter(
            s ->
                s.source() == EvidenceSource.SUBMITTED_BY_SELLER
                    && same(s.notes(), text)
                    && onOrAfter(s.providedTime(), since))
        .findFirst()
        .map(s -> "your note is on the dispute");
  }

  private static Optional<String> offer(
      ActionRequest.MakeOffer offer, Instant since, Dispute after) {
    if (after.offer() == null) {
      return Optional.empty();
    }
    return after.offer().history().stream()
        .filter(h -> h.actor() == Party.SELLER && h.eventType() == OfferEventType.PROPOSED)
        .filter(h -> h.offerType() == offer.offerType() && onOrAfter(h.offerTime(), since))
        .filter(h -> sameAmount(h.offerAmount(), offer.offerAmount()))
        .findFirst()
        .map(h -> "PayPal shows the offer in the dispute's history");
  }

  private static Optional<String> evidence(List<String> types, Instant since, Dispute after) {
    return after.evidences().stream()
        .filter(
            e ->
                e.source() == EvidenceSource.SUBMITTED_BY_SELLER
                    && types.contains(e.evidenceType())
                    && onOrAfter(e.date(), since))
        .findFirst()
        .map(e -> "the evidence is on the dispute");
  }

  /**
   * The seller's own refund: resolved for the buyer with money refunded (the amount asked for, when
   * known), while PayPal did not decide for the buyer and the buyer did not accept an offer since.
   */
  private static Optional<String> sellerRefund(
      DisputeOutcome outcome, Money amount, Instant since, Dispute after) {
    boolean forBuyer =
        outcome.outcomeCode() == OutcomeCode.RESOLVED_BUYER_FAVOUR
            || outcome.outcomeCode() == OutcomeCode.ACCEPTED;
    Money refunded = outcome.amountRefunded();
    if (!forBuyer
        || refunded == null
        || refunded.value().signum() <= 0
        || (amount != null && !sameAmount(refunded, amount))) {
      return Optional.empty();
    }
    boolean paypalDecided =
        after.adjudications().stream()
            .anyMatch(
                a ->
                    PAYPAL_DECIDED_FOR_BUYER.contains(a.type())
                        && onOrAfter(a.adjudicationTime(), since));
    boolean buyerTookOffer =
        after.offer() != null
            && after.offer().history().stream()
                .anyMatch(
                    h ->
                        h.actor() == Party.BUYER
                            && h.eventType() == OfferEventType.ACCEPTED
                            && onOrAfter(h.offerTime(), since));
    return paypalDecided || buyerTookOffer
        ? Optional.empty()
        : Optional.of(
            "PayPal shows the case resolved for the buyer with "
                + refunded.display()
                + " refunded");
  }

  private static Optional<String> contactDetails(
      ActionRequest.UpdateContactDetails sent, Instant since, Dispute after) {
    Dispute.CommunicationDetails now = after.communicationDetails();
    boolean same =
        now != null
            && same(now.email(), sent.email())
            && (sent.note() == null ? now.note() == null : same(now.note(), sent.note()))
            && (now.timePosted() == null || onOrAfter(now.timePosted(), since));
    return same ? Optional.of("PayPal shows the new contact details") : Optional.empty();
  }

  private static boolean onOrAfter(Instant when, Instant since) {
    return when != null && !when.isBefore(since);
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && a.strip().equals(b.strip());
  }

  private static boolean sameAmount(Money a, Money b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.currencyCode().equals(b.currencyCode()) && a.value().compareTo(b.value()) == 0;
  }
}
