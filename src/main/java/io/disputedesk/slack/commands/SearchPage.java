package io.disputedesk.slack.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * The paging state a search's "more" button carries in its value: the text searched for and where
 * the next page starts. It shares the list's button, so {@code search} tells the two apart.
 */
record SearchPage(String search, int offset) {

  String toValue(ObjectMapper mapper) {
    try {
      return mapper.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the search paging state", e);
    }
  }

  /** The state from a button value; empty when the value is not a search page of ours. */
  static Optional<SearchPage> fromValue(ObjectMapper mapper, String value) {
    try {
      SearchPage page = mapper.readValue(value, SearchPage.class);
      return page.search() != null
              && !page.search().isBlank()
              && page.search().length() <= CommandParser.SEARCH_MAX
              && page.offset() >= 0
          ? Optional.of(page)
          : Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
