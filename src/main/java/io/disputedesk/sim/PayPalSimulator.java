package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A stateful stand-in for PayPal's Disputes API on 127.0.0.1, speaking PayPal's wire format, with
 * methods to create and drive disputes, inspect requests, inject faults and send parts.webhooks().
 * Thread-safe.
 */
public final class PayPalSimulator implements AutoCloseable {
  /**
   * The merchant id (payer id) of the default app's account; disputes belong to it unless their
   * spec says otherwise.
   */
  public static final String DEFAULT_MERCHANT = DisputeJson.MERCHANT_ID;

  private final SimServer server;
  private final String baseUrl;
  private final SimParts parts;

  private PayPalSimulator(SimulatorOptions options, SimServer server) {
    this.server = server;
    this.baseUrl = server.baseUrl();
    this.parts = new SimParts(options, server);
  }

  /** Starts a simulator listening on 127.0.0.1 at the options' port (0 = any free port). */
  public static PayPalSimulator start(SimulatorOptions options) {
    return new PayPalSimulator(options, SimServer.open(options.port()));
  }

  /** For example {@code http://127.0.0.1:54321}; PayPal's paths go after it. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    server.close();
  }

  // ---- disputes ----

  /** Adds a dispute and returns its id. */
  public String createDispute(SimDisputeSpec spec) {
    return parts.creator().create(spec);
  }

  /**
   * The buyer posts a message; an inquiry waiting on the buyer (with no offer pending) turns to the
   * seller.
   */
  public void addBuyerMessage(String id, String text) {
    parts.driver().addBuyerMessage(id, text);
  }

  /** The buyer escalates an inquiry to a claim; PayPal then asks the seller for evidence. */
  public void buyerEscalates(String id) {
    parts.driver().buyerEscalates(id);
  }

  /** Sets the status directly (not RESOLVED: use {@link #resolve}). */
  public void setStatus(String id, SimStatus status) {
    parts.driver().setStatus(id, status);
  }

  /**
   * The buyer lowers (or PayPal corrects) the disputed amount; the refund PayPal allows follows it.
   */
  public void changeDisputedAmount(String id, BigDecimal amount) {
    parts.driver().changeDisputedAmount(id, amount);
  }

  public void setSellerDueDate(String id, Instant due) {
    parts.driver().setSellerDueDate(id, due);
  }

  /** PayPal asks the seller for a type of evidence; the dispute waits for the seller. */
  public void requestEvidenceFromSeller(String id, String evidenceType) {
    parts.driver().requestEvidenceFromSeller(id, evidenceType);
  }

  /**
   * The buyer accepts the pending seller offer: refunds resolve it, a return offer waits for the
   * return.
   */
  public void buyerAcceptsOffer(String id) {
    parts.driver().buyerAcceptsOffer(id);
  }

  public void buyerDeniesOffer(String id) {
    parts.driver().buyerDeniesOffer(id);
  }

  /** The buyer ships a not-as-described item back; the seller may then acknowledge it. */
  public void buyerShipsReturn(String id) {
    parts.driver().buyerShipsReturn(id);
  }

  /**
   * PayPal closes the dispute; {@code refunded} null means the full amount for a buyer-favour
   * outcome.
   */
  public void resolve(String id, SimOutcome outcome, BigDecimal refunded) {
    parts.driver().resolve(id, outcome, refunded, false);
  }

  /**
   * As {@link #resolve(String, SimOutcome, BigDecimal)}, leaving it appealable (an {@code appeal}
   * link).
   */
  public void resolve(String id, SimOutcome outcome, BigDecimal refunded, boolean appealable) {
    parts.driver().resolve(id, outcome, refunded, appealable);
  }

  /** The dispute's details exactly as {@code GET /v1/customer/disputes/{id}} returns them. */
  public ObjectNode get(String id) {
    return parts.read(id, parts.json()::detail);
  }

  public int count() {
    return parts.store().size();
  }

  public List<String> ids() {
    return parts.store().ids();
  }

  /** The disputes' own state, for the evolver. */
  SimDisputes disputes() {
    return parts.store();
  }

  /**
   * The seller transaction id of the dispute: what Transaction Search and Shipment Tracking look
   * up.
   */
  public String sellerTransactionId(String disputeId) {
    return parts.orders().sellerTransactionId(disputeId);
  }

  /** The merchant (payer id) a dispute belongs to. */
  public String merchantOf(String disputeId) {
    return parts.read(disputeId, d -> d.merchant);
  }

  /** The payments behind the disputes: tracking, and the app's access to the order APIs. */
  public OrderControls orders() {
    return parts.orders();
  }

  /** The merchants, their REST apps, partner consents and tokens. */
  public AccountControls accounts() {
    return parts.accounts();
  }

  // ---- observability ----

  /** Every request received so far, oldest first. */
  public List<SimRequest> requests() {
    return List.copyOf(parts.log());
  }

  /**
   * Requests to one operation: token, list, get, patch, send-message, make-offer, accept-claim,
   * ..., transactions-search, trackers-list, trackers-add, tracker-get.
   */
  public List<SimRequest> requestsTo(String operation) {
    return parts.log().stream().filter(r -> r.operation().equals(operation)).toList();
  }

  public int count(String operation) {
    return requestsTo(operation).size();
  }

  public void clearRequests() {
    parts.log().clear();
  }

  // ---- faults ----

  /**
   * The next {@code times} calls to the operation ("*" for any) answer this 4xx/5xx with a PayPal
   * error body.
   */
  public void failNext(String operation, int httpStatus, int times) {
    parts.faults().failNext(operation, httpStatus, times);
  }

  /**
   * The next {@code times} calls to the operation on this one dispute answer this 4xx/5xx; others
   * are untouched.
   */
  public void failNextFor(String operation, String disputeId, int httpStatus, int times) {
    parts.faults().failNextFor(operation, disputeId, httpStatus, times);
  }

  /** The next {@code times} details reads of this dispute answer 200 with a spoilt body. */
  public void spoilDetails(String disputeId, DetailsFault fault, int times) {
    parts.faults().spoilDetails(disputeId, fault, times);
  }

  /**
   * The next call to the operation answers 422 UNPROCESSABLE_ENTITY with {@code issue} about the
   * request {@code field} (a JSON pointer such as {@code /offer_amount/value}; null for none), as
   * PayPal refuses a business rule the simulator does not model.
   */
  public void refuseNext(String operation, String issue, String field) {
    parts.faults().refuseNext(operation, issue, field);
  }

  /** The next {@code times} calls answer 429 RATE_LIMIT_REACHED with a Retry-After header. */
  public void rateLimitNext(String operation, int times, int retryAfterSeconds) {
    parts.faults().rateLimitNext(operation, times, retryAfterSeconds);
  }

  /**
   * Every call to the operation (e.g. {@code transactions-search}) waits this long before it is
   * answered.
   */
  public void delay(String operation, Duration delay) {
    parts.faults().delay(operation, delay);
  }

  /** Every seller POST action waits this long before it is applied and answered. */
  public void delayActions(Duration delay) {
    parts.faults().delayActions(delay);
  }

  /**
   * The next call to the operation is carried out but never answered: the connection is held until
   * the options' hang timeout (or close) and then dropped, the "outcome unknown" case.
   */
  public void hangNext(String operation) {
    parts.faults().hangNext(operation);
  }

  /** Drops queued failures, hangs and the action delay. */
  public void clearFaults() {
    parts.faults().clear();
  }

  // ---- webhooks ----

  /**
   * POSTs a PayPal webhook event about the dispute's current state to {@code url}; returns the HTTP
   * status.
   */
  public int sendWebhook(String url, String eventType, String disputeId) {
    return parts.webhooks().send(url, eventType, disputeId);
  }

  /** As {@link #sendWebhook(String, String, String)}, signed as the webhook {@code webhookId}. */
  public int sendWebhook(String url, String webhookId, String eventType, String disputeId) {
    return parts.webhooks().send(url, webhookId, eventType, disputeId);
  }

  /**
   * Delivers the last webhook event sent to {@code url} again (same event id, new transmission),
   * like PayPal's resend.
   */
  public int resendLastWebhook(String url) {
    return parts.webhooks().resendLast(url);
  }
}
