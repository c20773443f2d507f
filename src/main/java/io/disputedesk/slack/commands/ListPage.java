package io.disputedesk.slack.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.FilterWords;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.dispute.MinAmount;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The paging state a "more" button carries in its value: the filter and where the next page starts.
 * {@code words} (the filter words) is absent from buttons of versions before it; {@code channel} is
 * the channel a shared list was posted in (its pages count only the disputes routed there), null
 * for a list only its caller sees and in older buttons.
 */
record ListPage(
    String view,
    String reason,
    String min,
    String currency,
    Long dueHours,
    String owner,
    int offset,
    String words,
    String channel) {

  static ListPage of(ListFilter f, int offset, String channel) {
    MinAmount min = f.minAmount();
    return new ListPage(
        f.view().name(),
        f.reason(),
        min == null ? null : min.value().toPlainString(),
        min == null ? null : min.currency(),
        f.dueWithin().toHours(),
        f.ownerUserId(),
        offset,
        f.filter().words(),
        channel);
  }

  ListFilter filter() {
    MinAmount minAmount = min == null ? null : new MinAmount(new BigDecimal(min), currency);
    DisputeFilter parsed = words == null ? null : FilterWords.parse(words, FilterWords.Use.LIST);
    return new ListFilter(
        DisputeView.valueOf(view),
        reason,
        minAmount,
        dueHours == null ? null : Duration.ofHours(dueHours),
        owner,
        parsed);
  }

  String toValue(ObjectMapper mapper) {
    try {
      return mapper.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the list paging state", e);
    }
  }

  /** The state from a button value; empty when the value is not one of ours. */
  static Optional<ListPage> fromValue(ObjectMapper mapper, String value) {
    try {
      ListPage page = mapper.readValue(value, ListPage.class);
      page.filter();
      return page.offset() >= 0 ? Optional.of(page) : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
