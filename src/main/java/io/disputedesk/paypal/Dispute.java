package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A dispute as PayPal returns it, from the list (summary fields only) or from the details call.
 * Every field may be absent; lists are never null after construction. {@code outcome} is the list
 * summary's {@code WON} or {@code LOST}; the details call gives {@code dispute_outcome} instead.
 */
public record Dispute(
    String disputeId,
    Instant createTime,
    Instant updateTime,
    DisputeReason reason,
    DisputeStatus status,
    DisputeState disputeState,
    LifecycleStage disputeLifeCycleStage,
    DisputeChannel disputeChannel,
    Money disputeAmount,
    Instant sellerResponseDueDate,
    Instant buyerResponseDueDate,
    String externalReasonCode,
    List<DisputedTransaction> disputedTransactions,
    List<Message> messages,
    Offer offer,
    List<Evidence> evidences,
    List<SupportingInfo> supportingInfo,
    AllowedResponseOptions allowedResponseOptions,
    RefundDetails refundDetails,
    DisputeOutcome disputeOutcome,
    List<Adjudication> adjudications,
    List<Link> links,
    ListOutcome outcome,
    CommunicationDetails communicationDetails,
    @JsonIgnore String rawJson) {

  public Dispute {
    disputedTransactions = nonNull(disputedTransactions);
    messages = nonNull(messages);
    evidences = nonNull(evidences);
    supportingInfo = nonNull(supportingInfo);
    adjudications = nonNull(adjudications);
    links = nonNull(links);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : List.copyOf(list.stream().filter(x -> x != null).toList());
  }

  /** The same dispute carrying the exact JSON PayPal sent for it. */
  public Dispute withRawJson(String json) {
    return new Dispute(
        disputeId,
        createTime,
        updateTime,
        reason,
        status,
        disputeState,
        disputeLifeCycleStage,
        disputeChannel,
        disputeAmount,
        sellerResponseDueDate,
        buyerResponseDueDate,
        externalReasonCode,
        disputedTransactions,
        messages,
        offer,
        evidences,
        supportingInfo,
        allowedResponseOptions,
        refundDetails,
        disputeOutcome,
        adjudications,
        links,
        outcome,
        communicationDetails,
        json);
  }

  /**
   * True while PayPal offers the link for this action; the partial update while the dispute is
   * open.
   */
  public boolean allows(DisputeAction action) {
    if (!action.isLinkGated()) {
      return !isResolved();
    }
    return links.stream().anyMatch(action::matches);
  }

  @JsonIgnore
  public boolean isResolved() {
    return status == DisputeStatus.RESOLVED;
  }

  @JsonIgnore
  public Optional<DisputedTransaction> firstTransaction() {
    return disputedTransactions.stream().findFirst();
  }

  /** The newest message the buyer posted, if any. */
  @JsonIgnore
  public Optional<Message> latestBuyerMessage() {
    return messages.stream()
        .filter(m -> m.postedBy() == Party.BUYER)
        .reduce(
            (a, b) ->
                b.timePosted() != null
                        && (a.timePosted() == null || !b.timePosted().isBefore(a.timePosted()))
                    ? b
                    : a);
  }

  /** Evidence types PayPal asked the seller for, in the order PayPal lists them. */
  @JsonIgnore
  public List<String> evidenceRequestedFromSeller() {
    List<String> types = new ArrayList<>();
    for (Evidence e : evidences) {
      if (e.source() == EvidenceSource.REQUESTED_FROM_SELLER
          && e.evidenceType() != null
          && !types.contains(e.evidenceType())) {
        types.add(e.evidenceType());
      }
    }
    return types;
  }

  @JsonIgnore
  public List<OfferType> allowedOfferTypes() {
    return allowedResponseOptions == null || allowedResponseOptions.makeOffer() == null
        ? List.of()
        : allowedResponseOptions.makeOffer().offerTypes();
  }

  @JsonIgnore
  public List<AcceptClaimType> allowedAcceptClaimTypes() {
    return allowedResponseOptions == null || allowedResponseOptions.acceptClaim() == null
        ? List.of()
        : allowedResponseOptions.acceptClaim().acceptClaimTypes();
  }

  @JsonIgnore
  public List<AcknowledgementType> allowedAcknowledgementTypes() {
    return allowedResponseOptions == null || allowedResponseOptions.acknowledgeReturnItem() == null
        ? List.of()
        : allowedResponseOptions.acknowledgeReturnItem().acknowledgementTypes();
  }

  /** The most PayPal will let the seller refund, falling back to the disputed amount. */
  @JsonIgnore
  public Optional<Money> maxRefund() {
    if (refundDetails != null && refundDetails.allowedRefundAmount() != null) {
      return Optional.of(refundDetails.allowedRefundAmount());
    }
    return Optional.ofNullable(disputeAmount);
  }

  public record DisputedTransaction(
      String buyerTransactionId,
      String sellerTransactionId,
      String referenceId,
      Instant createTime,
      String transactionStatus,
      Money grossAmount,
      String invoiceNumber,
      String custom,
      Buyer buyer,
      Seller seller,
      List<Item> items) {
    public DisputedTransaction {
      items = items == null ? List.of() : List.copyOf(items);
    }

    /** The seller's transaction id, else the buyer's (null when PayPal gives neither). */
    @JsonIgnore
    public String transactionId() {
      return sellerTransactionId != null ? sellerTransactionId : buyerTransactionId;
    }
  }

  public record Buyer(String name) {}

  public record Seller(String email, String merchantId, String name) {}

  public record Item(
      String itemId,
      String itemName,
      String itemDescription,
      String itemQuantity,
      DisputeReason reason,
      String itemType,
      Money disputeAmount,
      String notes) {}

  public record Message(
      Party postedBy, Instant timePosted, String content, List<Document> documents) {
    public Message {
      documents = documents == null ? List.of() : List.copyOf(documents);
    }
  }

  public record Document(String name, String url) {}

  public record Offer(
      Money buyerRequestedAmount,
      Money sellerOfferedAmount,
      OfferType offerType,
      List<OfferHistory> history) {
    public Offer {
      history = history == null ? List.of() : List.copyOf(history);
    }
  }

  public record OfferHistory(
      Instant offerTime,
      Party actor,
      OfferEventType eventType,
      OfferType offerType,
      Money offerAmount,
      String notes,
      LifecycleStage disputeLifeCycleStage) {}

  public record Evidence(
      String evidenceType,
      EvidenceInfo evidenceInfo,
      List<Document> documents,
      String notes,
      EvidenceSource source,
      Instant date,
      String itemId,
      LifecycleStage disputeLifeCycleStage,
      ActionInfo actionInfo) {
    public Evidence {
      documents = documents == null ? List.of() : List.copyOf(documents);
    }
  }

  /** On a request for evidence: the action that answers it, and whether PayPal insists on it. */
  public record ActionInfo(String action, String responseOption, Boolean mandatory) {}

  /** The seller's contact details for the buyer, set with the partial update. */
  public record CommunicationDetails(String email, String note, Instant timePosted) {}

  public record EvidenceInfo(List<TrackingInfo> trackingInfo, List<String> refundIds) {}

  public record TrackingInfo(
      String carrierName, String carrierNameOther, String trackingUrl, String trackingNumber) {}

  public record SupportingInfo(
      String notes, List<Document> documents, EvidenceSource source, Instant providedTime) {}

  public record AllowedResponseOptions(
      AcceptClaimOptions acceptClaim,
      MakeOfferOptions makeOffer,
      AcknowledgeOptions acknowledgeReturnItem) {}

  public record AcceptClaimOptions(List<AcceptClaimType> acceptClaimTypes) {
    public AcceptClaimOptions {
      acceptClaimTypes = acceptClaimTypes == null ? List.of() : List.copyOf(acceptClaimTypes);
    }
  }

  public record MakeOfferOptions(List<OfferType> offerTypes) {
    public MakeOfferOptions {
      offerTypes = offerTypes == null ? List.of() : List.copyOf(offerTypes);
    }
  }

  public record AcknowledgeOptions(List<AcknowledgementType> acknowledgementTypes) {
    public AcknowledgeOptions {
      acknowledgementTypes =
          acknowledgementTypes == null ? List.of() : List.copyOf(acknowledgementTypes);
    }
  }

  public record RefundDetails(Money allowedRefundAmount) {}

  public record DisputeOutcome(
      OutcomeCode outcomeCode, Money amountRefunded, String outcomeReason) {}

  public record Adjudication(
      String type, Instant adjudicationTime, String reason, LifecycleStage disputeLifeCycleStage) {}
}
