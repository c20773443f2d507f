package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.FilterException;
import io.disputedesk.dispute.FilterWords;
import java.util.List;

/**
 * The filter words of a list, read by {@link FilterWords} (the language routes and subscriptions
 * share).
 */
final class ListFilters {

  /**
   * Parses the words after the subcommand; {@code fixed} is the view the subcommand implies, if
   * any.
   */
  Command parse(DisputeView fixed, List<String> args, String usage) {
    try {
      DisputeFilter f = FilterWords.parse(args, fixed, FilterWords.Use.LIST);
      return Command.ListDisputes.of(f.view() == null ? f.withView(DisputeView.OPEN) : f);
    } catch (FilterException e) {
      return new Command.Invalid(e.getMessage(), usage);
    }
  }

  /** True for the words a filter list may start with (so {@code due inr} is not read as hours). */
  boolean isFilterWord(String token) {
    return FilterWords.isFilterWord(token);
  }
}
