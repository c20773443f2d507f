package io.disputedesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stateful stand-in for PayPal's Disputes API on 127.0.0.1, speaking PayPal's wire format, with
 * methods to create and drive disputes, inspect requests, inject faults and send webhooks.
 * Thread-safe.
 */
public final class PayPalSimulator implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closing;
  private final String baseUrl;
  private final SimDisputes store;
  private final DisputeJson json;
  private final SimDriver driver;
  private final Tokens tokens;
  private final SimAccounts accounts;
  private final Faults faults;
  private final Webhooks webhooks;
  private final List<SimRequest> log;
  private final SimPermissions permissions;

  private PayPalSimulator(
      HttpServer server,
      ExecutorService executor,
      CountDownLatch closing,
      String baseUrl,
      SimDisputes store,
      DisputeJson json,
      SimDriver driver,
      Tokens tokens,
      SimAccounts accounts,
      Faults faults,
      Webhooks webhooks,
      List<SimRequest> log,
      SimPermissions permissions) {
    this.accounts = accounts;
    this.server = server;
    this.executor = executor;
    this.closing = closing;
    this.baseUrl = baseUrl;
    this.store = store;
    this.json = json;
    this.driver = driver;
    this.tokens = tokens;
    this.faults = faults;
    this.webhooks = webhooks;
    this.log = log;
    this.permissions = permissions;
  }

  /** Starts a simulator listening on 127.0.0.1 at the options' port (0 = any free port). */
  public static PayPalSimulator start(SimulatorOptions options) {
    HttpServer server;
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("could not open the simulator's port " + options.port(), e);
    }
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    ObjectMapper mapper = new ObjectMapper();
    SimIds ids = new SimIds(options.seed());
    SimDisputes store = new SimDisputes(options.clock());
    DisputeJson json = new DisputeJson(baseUrl, options.sandboxLinks());
    SimAccounts accounts = new SimAccounts(options);
    SimPermissions permissions = new SimPermissions();
    Tokens tokens = new Tokens(options, ids, accounts, permissions);
    Faults faults = new Faults();
    TestValues testValues = new TestValues();
    Webhooks webhooks = new Webhooks(mapper, ids, options.clock(), baseUrl, options.webhookId());
    List<SimRequest> log = new CopyOnWriteArrayList<>();
    CountDownLatch closing = new CountDownLatch(1);
    ListEndpoint list = new ListEndpoint(store, json, testValues, options.clock(), baseUrl);
    OrderEndpoints orders =
        new OrderEndpoints(store, new OrderJson(baseUrl), permissions, mapper, options.clock());
    server.createContext(
        "/",
        new SimRouter(
            options,
            mapper,
            tokens,
            accounts,
            store,
            json,
            list,
            orders,
            webhooks,
            testValues,
            faults,
            log,
            closing));
    AtomicInteger threads = new AtomicInteger();
    // Cached, so delayed and hung requests never starve the others.
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "paypal-sim-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new PayPalSimulator(
        server,
        executor,
        closing,
        baseUrl,
        store,
        json,
        new SimDriver(store, options.clock(), ids),
        tokens,
        accounts,
        faults,
        webhooks,
        log,
        permissions);
  }

  /** For example {@code http://127.0.0.1:54321}; PayPal's paths go after it. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- disputes ----

  /** Adds a dispute and returns its id. */
  public String createDispute(SimDisputeSpec spec) {
    return driver.create(spec);
  }

  /**
   * The buyer posts a message; an inquiry waiting on the buyer (with no offer pending) turns to the
   * seller.
   */
  public void addBuyerMessage(String id, String text) {
    driver.addBuyerMessage(id, text);
  }

  /** The buyer escalates an inquiry to a claim; PayPal then asks the seller for evidence. */
  public void buyerEscalates(String id) {
    driver.buyerEscalates(id);
  }

  /** Sets the status directly (not RESOLVED: use {@link #resolve}). */
  public void setStatus(String id, SimStatus status) {
    driver.setStatus(id, status);
  }

  /**
   * The buyer lowers (or PayPal corrects) the disputed amount; the refund PayPal allows follows it.
   */
  public void changeDisputedAmount(String id, BigDecimal amount) {
    driver.changeDisputedAmount(id, amount);
  }

  public void setSellerDueDate(String id, Instant due) {
    driver.setSellerDueDate(id, due);
  }

  /** PayPal asks the seller for a type of evidence; the dispute waits for the seller. */
  public void requestEvidenceFromSeller(String id, String evidenceType) {
    driver.requestEvidenceFromSeller(id, evidenceType);
  }

  /**
   * The buyer accepts the pending seller offer: refunds resolve it, a return offer waits for the
   * return.
   */
  public void buyerAcceptsOffer(String id) {
    driver.buyerAcceptsOffer(id);
  }

  public void buyerDeniesOffer(String id) {
    driver.buyerDeniesOffer(id);
  }

  /** The buyer ships a not-as-described item back; the seller may then acknowledge it. */
  public void buyerShipsReturn(String id) {
    driver.buyerShipsReturn(id);
  }

  /**
   * PayPal closes the dispute; {@code refunded} null means the full amount for a buyer-favour
   * outcome.
   */
  public void resolve(String id, SimOutcome outcome, BigDecimal refunded) {
    driver.resolve(id, outcome, refunded, false);
  }

  /**
   * As {@link #resolve(String, SimOutcome, BigDecimal)}, leaving it appealable (an {@code appeal}
   * link).
   */
  public void resolve(String id, SimOutcome outcome, BigDecimal refunded, boolean appealable) {
    driver.resolve(id, outcome, refunded, appealable);
  }

  /** The dispute's details exactly as {@code GET /v1/customer/disputes/{id}} returns them. */
  public ObjectNode get(String id) {
    return store
        .read(id, json::detail)
        .orElseThrow(() -> new SimulatorException("no dispute " + id));
  }

  public int count() {
    return store.size();
  }

  public List<String> ids() {
    return store.ids();
  }

  /** Reads one dispute's own state under the store's lock (for the evolver); empty when unknown. */
  <T> Optional<T> read(String id, Function<SimDispute, T> fn) {
    return store.read(id, fn);
  }

  /** Ids of the disputes matching a condition on the simulator's own state (for the evolver). */
  List<String> idsWhere(Predicate<SimDispute> filter) {
    return store.all(s -> s.filter(filter).map(d -> d.id).sorted().toList());
  }

  // ---- orders and shipments ----

  /**
   * The seller transaction id of the dispute: what Transaction Search and Shipment Tracking look
   * up.
   */
  public String sellerTransactionId(String disputeId) {
    return store
        .read(disputeId, d -> d.sellerTransactionId)
        .orElseThrow(() -> new SimulatorException("no dispute " + disputeId));
  }

  /** The tracking numbers PayPal holds for the dispute's payment, shipments to the buyer first. */
  public List<String> trackingNumbers(String disputeId) {
    return store
        .read(
            disputeId,
            d ->
                d.order.trackers.stream()
                    .sorted((a, b) -> Boolean.compare(a.isReturn(), b.isReturn()))
                    .map(SimTracker::trackingNumber)
                    .toList())
        .orElseThrow(() -> new SimulatorException("no dispute " + disputeId));
  }

  /**
   * The carrier moves every shipment to the buyer on to {@code status} (e.g. DELIVERED); the
   * dispute is unchanged.
   */
  public void setTrackingStatus(String disputeId, String status) {
    if (!OrderEndpoints.STATUSES.contains(status)) {
      throw new IllegalArgumentException("not a PayPal tracking status: " + status);
    }
    String txn = sellerTransactionId(disputeId);
    store.byTransaction(
        txn,
        d -> {
          d.order.trackers.replaceAll(
              t ->
                  t.isReturn()
                      ? t
                      : new SimTracker(
                          t.carrier(), t.trackingNumber(), status, t.shipmentDate(), false));
          return null;
        });
  }

  /**
   * Turns the app's Transaction Search feature on or off (off: 403 NOT_AUTHORIZED, and no scope in
   * new tokens).
   */
  public void transactionSearch(boolean enabled) {
    permissions.transactionSearch(enabled);
  }

  /** Turns the app's Shipment Tracking access on or off, as {@link #transactionSearch(boolean)}. */
  public void shipmentTracking(boolean enabled) {
    permissions.shipmentTracking(enabled);
  }

  // ---- auth ----

  // ---- accounts ----

  /**
   * The merchant id (payer id) of the default app's account; disputes belong to it unless their
   * spec says otherwise.
   */
  public static final String DEFAULT_MERCHANT = DisputeJson.MERCHANT_ID;

  /**
   * Adds a merchant's own REST app: {@code clientId}/{@code secret} get tokens that see {@code
   * merchantId}'s disputes; {@code webhookId} (nullable) is its webhook, whose events are signed
   * with it.
   */
  public void addApp(String merchantId, String clientId, String secret, String webhookId) {
    accounts.add(new SimAccounts.App(clientId, secret, merchantId, webhookId));
  }

  /**
   * The merchant consents to {@code partnerClientId}'s app acting for it (with
   * PayPal-Auth-Assertion).
   */
  public void grantPartner(String partnerClientId, String merchantId) {
    accounts.grant(partnerClientId, merchantId);
  }

  /** The merchant withdraws its consent: the partner's calls for it get 403 PERMISSION_DENIED. */
  public void withdrawPartner(String partnerClientId, String merchantId) {
    accounts.withdraw(partnerClientId, merchantId);
  }

  /** The merchant (payer id) a dispute belongs to. */
  public String merchantOf(String disputeId) {
    return store
        .read(disputeId, d -> d.merchant)
        .orElseThrow(() -> new SimulatorException("no dispute " + disputeId));
  }

  /** Revokes an app (or lifts the revocation): its token requests and its tokens get 401. */
  public void revokeApp(String clientId, boolean revoked) {
    accounts.revoke(clientId, revoked);
  }

  /** Forgets every issued token, so the next call with one gets 401 invalid_token. */
  public void expireTokens() {
    tokens.expireAll();
  }

  // ---- observability ----

  /** Every request received so far, oldest first. */
  public List<SimRequest> requests() {
    return List.copyOf(log);
  }

  /**
   * Requests to one operation: token, list, get, patch, send-message, make-offer, accept-claim,
   * ..., transactions-search, trackers-list, trackers-add, tracker-get.
   */
  public List<SimRequest> requestsTo(String operation) {
    return log.stream().filter(r -> r.operation().equals(operation)).toList();
  }

  public int count(String operation) {
    return requestsTo(operation).size();
  }

  public void clearRequests() {
    log.clear();
  }

  // ---- faults ----

  /**
   * The next {@code times} calls to the operation ("*" for any) answer this 4xx/5xx with a PayPal
   * error body.
   */
  public void failNext(String operation, int httpStatus, int times) {
    faults.failNext(operation, httpStatus, times);
  }

  /**
   * The next {@code times} calls to the operation on this one dispute answer this 4xx/5xx; others
   * are untouched.
   */
  public void failNextFor(String operation, String disputeId, int httpStatus, int times) {
    faults.failNextFor(operation, disputeId, httpStatus, times);
  }

  /** The next {@code times} details reads of this dispute answer 200 with a spoilt body. */
  public void spoilDetails(String disputeId, DetailsFault fault, int times) {
    faults.spoilDetails(disputeId, fault, times);
  }

  /**
   * The next call to the operation answers 422 UNPROCESSABLE_ENTITY with {@code issue} about the
   * request {@code field} (a JSON pointer such as {@code /offer_amount/value}; null for none), as
   * PayPal refuses a business rule the simulator does not model.
   */
  public void refuseNext(String operation, String issue, String field) {
    faults.refuseNext(operation, issue, field);
  }

  /** The next {@code times} calls answer 429 RATE_LIMIT_REACHED with a Retry-After header. */
  public void rateLimitNext(String operation, int times, int retryAfterSeconds) {
    faults.rateLimitNext(operation, times, retryAfterSeconds);
  }

  /**
   * Every call to the operation (e.g. {@code transactions-search}) waits this long before it is
   * answered.
   */
  public void delay(String operation, Duration delay) {
    faults.delay(operation, delay);
  }

  /** Every seller POST action waits this long before it is applied and answered. */
  public void delayActions(Duration delay) {
    faults.delayActions(delay);
  }

  /**
   * The next call to the operation is carried out but never answered: the connection is held until
   * the options' hang timeout (or close) and then dropped, the "outcome unknown" case.
   */
  public void hangNext(String operation) {
    faults.hangNext(operation);
  }

  /** Drops queued failures, hangs and the action delay. */
  public void clearFaults() {
    faults.clear();
  }

  // ---- webhooks ----

  /**
   * POSTs a PayPal webhook event about the dispute's current state to {@code url}; returns the HTTP
   * status.
   */
  public int sendWebhook(String url, String eventType, String disputeId) {
    String merchant = store.read(disputeId, d -> d.merchant).orElse(DEFAULT_MERCHANT);
    String hook =
        merchant.equals(DEFAULT_MERCHANT)
            ? null
            : accounts.webhookIdOfMerchant(merchant).orElse(null);
    return hook == null
        ? webhooks.send(url, eventType, disputeId, get(disputeId))
        : webhooks.send(url, hook, eventType, disputeId, get(disputeId));
  }

  /** As {@link #sendWebhook(String, String, String)}, signed as the webhook {@code webhookId}. */
  public int sendWebhook(String url, String webhookId, String eventType, String disputeId) {
    return webhooks.send(url, webhookId, eventType, disputeId, get(disputeId));
  }

  /**
   * Delivers the last webhook event sent to {@code url} again (same event id, new transmission),
   * like PayPal's resend.
   */
  public int resendLastWebhook(String url) {
    return webhooks.resendLast(url);
  }
}
