package io.disputedesk.actions;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.EvidenceInput;
import io.disputedesk.paypal.EvidenceSource;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.OfferEventType;
import io.disputedesk.paypal.Party;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads a freshly fetched dispute for signs that an action whose answer was lost went through: the
 * seller's message or offer in the history, new seller evidence, a status or stage change, or the
 * action's link gone. Content matches come first; times are compared with slack for clock skew.
 */
final class Effects {
  private static final Duration SKEW = Duration.ofMinutes(10);

  private Effects() {}

  /** A short description of what shows the action happened, or empty when nothing does (yet). */
  static Optional<String> seen(ActionRequest request, Instant sentAt, Dispute after) {
    Instant since = sentAt.minus(SKEW);
    Optional<String> specific = switch (request.action()) {
      case SEND_MESSAGE -> sellerMessage(((ActionRequest.SendMessage) request).message(), after);
      case MAKE_OFFER -> offer((ActionRequest.MakeOffer) request, since, after);
      case ACCEPT_CLAIM -> after.status() == DisputeStatus.RESOLVED
          ? Optional.of("the dispute is now resolved") : Optional.empty();
      case PROVIDE_EVIDENCE -> evidence(((ActionRequest.ProvideEvidence) request).evidences(), since, after);
      case APPEAL -> evidence(((ActionRequest.Appeal) request).evidences(), since, after);
      case ESCALATE -> after.disputeLifeCycleStage() != null && after.disputeLifeCycleStage() != LifecycleStage.INQUIRY
          ? Optional.of("the dispute is now a claim") : Optional.empty();
      case PROVIDE_SUPPORTING_INFO -> supportingInfo(((ActionRequest.ProvideSupportingInfo) request).notes(), after);
      case UPDATE_CONTACT_DETAILS -> contactDetails((ActionRequest.UpdateContactDetails) request, after);
      default -> Optional.empty();
    };
    if (specific.isPresent() || repeatable(request.action())) {
      return specific;
    }
    // One-shot actions lose their link once done; messages and supporting info keep theirs.
    return after.allows(request.action()) ? Optional.empty()
        : Optional.of("PayPal no longer offers " + ActionSummary.title(request.action()).toLowerCase() + " on it");
  }

  private static boolean repeatable(DisputeAction action) {
    return action == DisputeAction.SEND_MESSAGE || action == DisputeAction.PROVIDE_SUPPORTING_INFO
        || action == DisputeAction.UPDATE_CONTACT_DETAILS;
  }

  private static Optional<String> sellerMessage(String text, Dispute after) {
    return after.messages().stream()
        .filter(m -> m.postedBy() == Party.SELLER && same(m.content(), text))
        .findFirst()
        .map(m -> "the message is on the dispute");
  }

  private static Optional<String> offer(ActionRequest.MakeOffer offer, Instant since, Dispute after) {
    if (after.offer() == null) {
      return Optional.empty();
    }
    return after.offer().history().stream()
        .filter(h -> h.actor() == Party.SELLER && h.eventType() == OfferEventType.PROPOSED)
        .filter(h -> h.offerType() == null || h.offerType() == offer.offerType())
        .filter(h -> sameAmount(h.offerAmount() == null ? null : h.offerAmount().value(),
            offer.offerAmount() == null ? null : offer.offerAmount().value()))
        .filter(h -> h.offerTime() == null || !h.offerTime().isBefore(since))
        .findFirst()
        .map(h -> "PayPal shows the offer in the dispute's history");
  }

  private static Optional<String> evidence(List<EvidenceInput> sent, Instant since, Dispute after) {
    List<String> types = sent.stream().map(EvidenceInput::evidenceType).toList();
    return after.evidences().stream()
        .filter(e -> e.source() == EvidenceSource.SUBMITTED_BY_SELLER && types.contains(e.evidenceType()))
        .filter(e -> e.date() == null || !e.date().isBefore(since))
        .findFirst()
        .map(e -> "the evidence is on the dispute");
  }

  private static Optional<String> supportingInfo(String notes, Dispute after) {
    return after.supportingInfo().stream()
        .filter(s -> s.source() == EvidenceSource.SUBMITTED_BY_SELLER && same(s.notes(), notes))
        .findFirst()
        .map(s -> "the information is on the dispute");
  }

  private static Optional<String> contactDetails(ActionRequest.UpdateContactDetails sent, Dispute after) {
    Dispute.CommunicationDetails now = after.communicationDetails();
    if (now == null || !same(now.email(), sent.email())
        || !(sent.note() == null ? now.note() == null : same(now.note(), sent.note()))) {
      return Optional.empty();
    }
    return Optional.of("PayPal shows the new contact details");
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && a.strip().equals(b.strip());
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
