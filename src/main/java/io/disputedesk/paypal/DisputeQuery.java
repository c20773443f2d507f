package io.disputedesk.paypal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * Filters for listing disputes, named and checked as in PayPal's spec. Every field is optional;
 * build one with {@link #builder()}.
 */
public record DisputeQuery(
    Instant startTime,
    String disputedTransactionId,
    Integer pageSize,
    String nextPageToken,
    Integer page,
    List<DisputeState> disputeStates,
    Instant updateTimeAfter,
    Instant updateTimeBefore,
    Instant createTimeAfter,
    Instant createTimeBefore) {

  private static final Pattern TRANSACTION_ID = Pattern.compile("^[0-9A-Z_]+$");
  private static final Pattern PAGE_TOKEN = Pattern.compile("^[A-Za-z0-9+/=]+$");

  /** RFC 3339 in UTC with milliseconds, the form PayPal's examples use. */
  private static final DateTimeFormatter RFC_3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public DisputeQuery {
    if (disputedTransactionId != null) {
      Check.matches("disputedTransactionId", disputedTransactionId, TRANSACTION_ID, 255);
      if (startTime != null) {
        throw new IllegalArgumentException(
            "PayPal takes start_time or disputed_transaction_id, not both");
      }
    }
    if (pageSize != null && (pageSize < 1 || pageSize > 50)) {
      throw new IllegalArgumentException("page_size must be 1 to 50, was " + pageSize);
    }
    if (page != null && (page < 1 || page > 50)) {
      throw new IllegalArgumentException("page must be 1 to 50, was " + page);
    }
    if (nextPageToken != null) {
      Check.matches("nextPageToken", nextPageToken, PAGE_TOKEN, 255);
    }
    disputeStates = disputeStates == null ? List.of() : List.copyOf(disputeStates);
    disputeStates.forEach(s -> Check.known("disputeState", s));
  }

  /** No filters: PayPal's defaults (last 180 days, 10 per page). */
  public static DisputeQuery all() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code listUrl} with this query's parameters, named as in PayPal's spec. */
  HttpUrl toUrl(HttpUrl listUrl) {
    HttpUrl.Builder url = listUrl.newBuilder();
    // Times and states use only characters that need no escaping; keeping ':' and ',' literal
    // matches PayPal's documented form (dispute_state=A,B).
    addTime(url, "start_time", startTime);
    if (disputedTransactionId != null) {
      url.addQueryParameter("disputed_transaction_id", disputedTransactionId);
    }
    if (pageSize != null) {
      url.addQueryParameter("page_size", pageSize.toString());
    }
    if (nextPageToken != null) {
      url.addQueryParameter("next_page_token", nextPageToken);
    }
    if (page != null) {
      url.addQueryParameter("page", page.toString());
    }
    if (!disputeStates.isEmpty()) {
      url.addEncodedQueryParameter(
          "dispute_state", disputeStates.stream().map(Enum::name).collect(Collectors.joining(",")));
    }
    addTime(url, "update_time_after", updateTimeAfter);
    addTime(url, "update_time_before", updateTimeBefore);
    addTime(url, "create_time_after", createTimeAfter);
    addTime(url, "create_time_before", createTimeBefore);
    return url.build();
  }

  /** An instant as PayPal's RFC 3339 text, e.g. {@code 2026-11-18T09:46:54.926Z}. */
  static String rfc3339(Instant instant) {
    return RFC_3339.format(instant);
  }

  private static void addTime(HttpUrl.Builder url, String name, Instant value) {
    if (value != null) {
      url.addEncodedQueryParameter(name, rfc3339(value));
    }
  }

  /** Builds a {@link DisputeQuery}; checks run in {@link #build()}. */
  public static final class Builder {
    private Instant startTime;
    private String disputedTransactionId;
    private Integer pageSize;
    private String nextPageToken;
    private Integer page;
    private List<DisputeState> disputeStates = List.of();
    private Instant updateTimeAfter;
    private Instant updateTimeBefore;
    private Instant createTimeAfter;
    private Instant createTimeBefore;

    private Builder() {}

    /** Deprecated by PayPal in favour of {@link #createTimeAfter}. */
    public Builder startTime(Instant value) {
      this.startTime = value;
      return this;
    }

    public Builder disputedTransactionId(String value) {
      this.disputedTransactionId = value;
      return this;
    }

    public Builder pageSize(int value) {
      this.pageSize = value;
      return this;
    }

    /** Deprecated by PayPal: follow the {@code next} link with {@link PayPalClient#listNext}. */
    public Builder nextPageToken(String value) {
      this.nextPageToken = value;
      return this;
    }

    public Builder page(int value) {
      this.page = value;
      return this;
    }

    public Builder disputeStates(DisputeState... values) {
      this.disputeStates = Arrays.asList(values);
      return this;
    }

    public Builder disputeStates(List<DisputeState> values) {
      this.disputeStates = values;
      return this;
    }

    public Builder updateTimeAfter(Instant value) {
      this.updateTimeAfter = value;
      return this;
    }

    public Builder updateTimeBefore(Instant value) {
      this.updateTimeBefore = value;
      return this;
    }

    public Builder createTimeAfter(Instant value) {
      this.createTimeAfter = value;
      return this;
    }

    public Builder createTimeBefore(Instant value) {
      this.createTimeBefore = value;
      return this;
    }

    public DisputeQuery build() {
      return new DisputeQuery(
          startTime,
          disputedTransactionId,
          pageSize,
          nextPageToken,
          page,
          disputeStates,
          updateTimeAfter,
          updateTimeBefore,
          createTimeAfter,
          createTimeBefore);
    }
  }
}
