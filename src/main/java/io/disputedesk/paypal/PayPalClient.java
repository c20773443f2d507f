package io.disputedesk.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PayPal Customer Disputes API for a seller: list and read disputes, and perform actions. Reads
 * are retried on throttling and server errors; actions are sent exactly once.
 */
public final class PayPalClient {
  private static final Logger log = LoggerFactory.getLogger(PayPalClient.class);
  private static final Pattern DISPUTE_ID = Pattern.compile("^[A-Za-z0-9-]{1,255}$");
  private static final String DISPUTES_PATH = "v1/customer/disputes";

  private final ObjectMapper mapper;
  private final PayPalApi api;
  private final PayPalAuth auth;
  private final ActionBodies bodies;
  private final RetryPolicy retry;
  private final Duration callTimeout;

  /** A client for one account's {@code credentials}, on the connection all accounts share. */
  public PayPalClient(PayPalHttp shared, PayPalCredentials credentials, Clock clock) {
    this.mapper = shared.mapper();
    this.bodies = shared.bodies();
    this.retry = shared.retry();
    this.callTimeout = shared.callTimeout();
    HttpUrl base = HttpUrl.parse(credentials.baseUrl());
    if (base == null) {
      throw new IllegalArgumentException(
          "PayPal base URL is not an http(s) URL: " + credentials.baseUrl());
    }
    if (!base.encodedPath().endsWith("/")) {
      base = base.newBuilder().addPathSegment("").build();
    }
    this.auth =
        new PayPalAuth(
            shared.transport(),
            shared.errors(),
            shared.mapper(),
            credentials,
            base.newBuilder().addPathSegments("v1/oauth2/token").build(),
            clock);
    this.api =
        new PayPalApi(
            shared.transport(),
            auth,
            shared.errors(),
            base,
            credentials.actingForPayerId() == null
                ? null
                : AuthAssertion.of(credentials.clientId(), credentials.actingForPayerId()));
  }

  /** A client on a connection of its own, for a single account (tests and tools). */
  public PayPalClient(
      OkHttpClient http,
      ObjectMapper mapper,
      PayPalCredentials credentials,
      Clock clock,
      Sleeper sleeper,
      PayPalCallObserver observer) {
    this(new PayPalHttp(http, mapper, sleeper, observer), credentials, clock);
  }

  /** One page of disputes matching {@code query}, newest first. */
  public DisputePage listDisputes(DisputeQuery query) {
    return readPage(query.toUrl(api.url(DISPUTES_PATH)));
  }

  /**
   * The page a {@code next} link points at. Only the link's path and query are used: the request
   * always goes to the configured base URL, whatever host PayPal wrote into the link.
   */
  public DisputePage listNext(String nextHref) {
    HttpUrl base = api.baseUrl();
    HttpUrl link = base.resolve(Objects.requireNonNull(nextHref, "nextHref"));
    if (link == null || !link.encodedPath().equals("/" + DISPUTES_PATH)) {
      throw new IllegalArgumentException("not a dispute list link: " + nextHref);
    }
    String prefix = base.encodedPath().substring(0, base.encodedPath().length() - 1);
    return readPage(
        base.newBuilder()
            .encodedPath(prefix + link.encodedPath())
            .encodedQuery(link.encodedQuery())
            .build());
  }

  /**
   * Every dispute matching {@code query}, following {@code next} links for at most {@code
   * maxPages}.
   */
  public List<Dispute> listAll(DisputeQuery query, int maxPages) {
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be at least 1");
    }
    List<Dispute> all = new ArrayList<>();
    DisputePage page = listDisputes(query);
    all.addAll(page.items());
    for (int n = 1; n < maxPages && page.hasNext(); n++) {
      page = listNext(page.nextLink().get());
      all.addAll(page.items());
    }
    return all;
  }

  /** The full dispute, carrying the exact JSON PayPal sent ({@link Dispute#rawJson()}). */
  public Dispute getDispute(String disputeId) {
    checkId(disputeId);
    Reply reply = api.get("disputes.get", disputeUrl(disputeId, null));
    try {
      return mapper.readValue(reply.body(), Dispute.class).withRawJson(reply.body());
    } catch (JsonProcessingException e) {
      throw new UnreadableReplyException("disputes.get", "unreadable dispute from PayPal", e);
    }
  }

  /**
   * Performs a seller action (a POST, or the partial update's PATCH), sent once with the caller's
   * {@code payPalRequestId}. Throws {@link ActionOutcomeUnknownException} when PayPal may or may
   * not have acted (timeout, 5xx): read the dispute before trying again. Any other {@link
   * PayPalException} means it was not done.
   */
  public ActionResult perform(
      String disputeId, ActionRequest request, List<UploadFile> files, String payPalRequestId) {
    checkId(disputeId);
    Objects.requireNonNull(request, "request");
    Check.text("payPalRequestId", payPalRequestId, 108);
    List<UploadFile> attachments = files == null ? List.of() : files;
    DisputeAction action = request.action();
    HttpUrl url = disputeUrl(disputeId, action.pathSuffix());
    Reply reply =
        action.isLinkGated()
            ? api.postAction(
                action.operation(), url, bodies.body(request, attachments), payPalRequestId)
            : api.patchAction(
                action.operation(), url, bodies.body(request, attachments), payPalRequestId);
    return new ActionResult(reply.status(), links(reply.body()), reply.debugId());
  }

  /**
   * The longest {@link #perform} can run, from the OkHttp call timeout and the retry policy: the
   * token fetch (retried) may first wait for another thread's fetch, then the action is sent once;
   * a 401 refreshes the token the same way and sends it once more. With the bot's 60 s call timeout
   * and four attempts that is 2 × (7 + 7 + 1) minutes = 30 minutes. A process that has not heard
   * back by then never will.
   *
   * @throws IllegalStateException when the HTTP client has no call timeout, so no bound exists
   */
  public Duration worstCaseActionCall() {
    if (callTimeout.isZero()) {
      throw new IllegalStateException(
          "the OkHttp client has no call timeout, so a PayPal call has no worst case");
    }
    Duration token = retry.worstCase(callTimeout);
    return token.plus(token).plus(callTimeout).multipliedBy(2);
  }

  /** Drops the cached access token; the next call fetches a new one. */
  public void invalidateToken() {
    auth.invalidate();
  }

  /** The authorised-call layer, shared with {@link WebhookVerifier}. */
  PayPalApi api() {
    return api;
  }

  ObjectMapper mapper() {
    return mapper;
  }

  private DisputePage readPage(HttpUrl url) {
    Reply reply = api.get("disputes.list", url);
    try {
      SearchResult result = mapper.readValue(reply.body(), SearchResult.class);
      Optional<String> next =
          result.links() == null
              ? Optional.empty()
              : result.links().stream()
                  .filter(l -> l != null && "next".equals(l.rel()) && l.href() != null)
                  .map(Link::href)
                  .findFirst();
      return new DisputePage(result.items(), next);
    } catch (JsonProcessingException e) {
      throw new PayPalException("disputes.list", "unreadable dispute list from PayPal", e);
    }
  }

  private List<Link> links(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    try {
      JsonNode links = mapper.readTree(body).path("links");
      return links.isArray() ? List.of(mapper.treeToValue(links, Link[].class)) : List.of();
    } catch (JsonProcessingException e) {
      // The action succeeded; only its optional links are unreadable, which callers can live with.
      log.warn("unreadable links in PayPal action response: {}", e.getOriginalMessage());
      return List.of();
    }
  }

  private HttpUrl disputeUrl(String disputeId, String action) {
    HttpUrl.Builder url = api.url(DISPUTES_PATH).newBuilder().addPathSegment(disputeId);
    if (action != null) {
      url.addPathSegment(action);
    }
    return url.build();
  }

  private static void checkId(String disputeId) {
    if (disputeId == null || !DISPUTE_ID.matcher(disputeId).matches()) {
      throw new IllegalArgumentException("not a PayPal dispute id: " + disputeId);
    }
  }

  /** The list response: {@code items} may be missing when nothing matches. */
  record SearchResult(List<Dispute> items, List<Link> links) {}
}
