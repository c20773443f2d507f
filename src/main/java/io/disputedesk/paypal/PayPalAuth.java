package io.disputedesk.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Gets OAuth2 client-credentials tokens from PayPal and caches each until shortly before expiry.
 */
final class PayPalAuth {
  static final String OPERATION = "oauth2.token";
  private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

  private final Transport transport;
  private final ErrorReader errors;
  private final ObjectMapper mapper;
  private final PayPalCredentials credentials;
  private final HttpUrl tokenUrl;
  private final Clock clock;
  private final ReentrantLock refreshLock = new ReentrantLock();
  private volatile CachedToken cached;

  PayPalAuth(
      Transport transport,
      ErrorReader errors,
      ObjectMapper mapper,
      PayPalCredentials credentials,
      HttpUrl tokenUrl,
      Clock clock) {
    this.transport = transport;
    this.errors = errors;
    this.mapper = mapper;
    this.credentials = credentials;
    this.tokenUrl = tokenUrl;
    this.clock = clock;
  }

  /**
   * A valid access token, fetched only when none is cached or the cached one is about to expire.
   */
  String token() {
    CachedToken current = cached;
    if (current != null && current.isFresh(clock.instant())) {
      return current.value();
    }
    refreshLock.lock();
    try {
      // Another thread may have refreshed while this one waited for the lock.
      current = cached;
      if (current != null && current.isFresh(clock.instant())) {
        return current.value();
      }
      cached = fetch();
      return cached.value();
    } finally {
      refreshLock.unlock();
    }
  }

  /** Forgets the cached token, so the next call fetches a new one. */
  void invalidate() {
    refreshLock.lock();
    try {
      cached = null;
    } finally {
      refreshLock.unlock();
    }
  }

  /** Forgets {@code rejected} unless another thread has already replaced it. */
  void invalidate(String rejected) {
    refreshLock.lock();
    try {
      if (cached != null && cached.value().equals(rejected)) {
        cached = null;
      }
    } finally {
      refreshLock.unlock();
    }
  }

  private CachedToken fetch() {
    Request request =
        new Request.Builder()
            .url(tokenUrl)
            .header(
                "Authorization",
                Credentials.basic(credentials.clientId(), credentials.clientSecret()))
            .header("Accept", "application/json")
            .post(new FormBody.Builder().add("grant_type", "client_credentials").build())
            .build();
    Instant requestedAt = clock.instant();
    Reply reply = transport.sendRepeatable(OPERATION, request);
    if (!reply.isSuccess()) {
      throw errors.toException(OPERATION, reply, false);
    }
    JsonNode json;
    try {
      json = mapper.readTree(reply.body());
    } catch (JsonProcessingException e) {
      // Not e itself as the cause: its message quotes the body, which holds the token.
      throw new PayPalException(OPERATION, "token response is not JSON", null);
    }
    String token = json == null ? null : json.path("access_token").asText(null);
    if (token == null || token.isBlank()) {
      throw new PayPalException(OPERATION, "token response has no access_token", null);
    }
    long expiresIn = json.path("expires_in").asLong(0);
    Duration lifetime = Duration.ofSeconds(Math.max(expiresIn, 0));
    Duration margin =
        lifetime.dividedBy(2).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(2) : MAX_MARGIN;
    return new CachedToken(token, requestedAt.plus(lifetime).minus(margin));
  }

  /** A token and the moment to stop using it. */
  private record CachedToken(String value, Instant refreshAt) {
    boolean isFresh(Instant now) {
      return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
      return "CachedToken[refreshAt=" + refreshAt + "]";
    }
  }
}
