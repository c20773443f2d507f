package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.dispute.StoredDispute;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code list}, {@code mine}, {@code due}, {@code unassigned}, their "more" pages, and {@code
 * show}.
 */
public final class ListCommands {
  private final DisputeQueries queries;
  private final ListBuilder lists;
  private final DisputeStore disputes;
  private final ShowBuilder shows;
  private final ObjectMapper mapper;
  private final Clock clock;

  public ListCommands(
      DisputeQueries queries,
      DisputeStore disputes,
      ListBuilder lists,
      ShowBuilder shows,
      ObjectMapper mapper,
      Clock clock) {
    this.queries = queries;
    this.disputes = disputes;
    this.lists = lists;
    this.shows = shows;
    this.mapper = mapper;
    this.clock = clock;
  }

  CommandReply list(Command.ListDisputes cmd, String callerId) {
    ListFilter filter =
        new ListFilter(
            cmd.view(),
            cmd.reason(),
            cmd.minAmount(),
            cmd.dueWithin(),
            cmd.view() == DisputeView.MINE ? callerId : null,
            cmd.filter());
    return page(filter, 0);
  }

  /** The page a "more" button asks for; empty when its value is not ours. */
  Optional<CommandReply> more(String buttonValue) {
    return ListPage.fromValue(mapper, buttonValue).map(p -> page(p.filter(), p.offset()));
  }

  CommandReply show(String disputeId) {
    Optional<DisputeLine> line = queries.line(disputeId);
    Optional<StoredDispute> stored = line.flatMap(l -> disputes.find(disputeId));
    return stored
        .map(s -> shows.build(s, line.get()))
        .orElseGet(
            () ->
                CommandReply.text(
                    "No dispute “"
                        + CommandParser.quote(disputeId)
                        + "” is known to Dispute Desk."
                        + " Check the id, or run `/disputes sync` if it is brand new."));
  }

  private CommandReply page(ListFilter filter, int offset) {
    Instant now = clock.instant();
    List<DisputeLine> page = queries.list(filter, now, offset, ListBuilder.PAGE_SIZE);
    long total = queries.count(filter, now);
    int next = offset + page.size();
    String more =
        next < total && !page.isEmpty() ? ListPage.of(filter, next).toValue(mapper) : null;
    return lists.build(filter, page, total, offset, now, more);
  }
}
