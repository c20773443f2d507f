package io.disputedesk.slack.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.digest.DigestChannels;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.dispute.DisputeScope;
import io.disputedesk.dispute.DisputeStore;
import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.ListFilter;
import io.disputedesk.dispute.StoredDispute;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code list}, {@code mine}, {@code due}, {@code unassigned}, {@code search}, their "more" pages,
 * and {@code show}.
 */
public final class ListCommands {
  private final DisputeQueries queries;
  private final ListBuilder lists;
  private final DisputeStore disputes;
  private final ShowBuilder shows;
  private final ObjectMapper mapper;
  private final DigestChannels channels;
  private final Clock clock;

  /** {@code channels} say which disputes a list shared in each channel may show. */
  public ListCommands(
      DisputeQueries queries,
      DisputeStore disputes,
      ListBuilder lists,
      ShowBuilder shows,
      ObjectMapper mapper,
      DigestChannels channels,
      Clock clock) {
    this.channels = channels;
    this.queries = queries;
    this.disputes = disputes;
    this.lists = lists;
    this.shows = shows;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * The list's first page; {@code sharedIn} is the channel it is shared in (null when only the
   * caller sees it), where it shows only the disputes routed to that channel, as its cards.
   */
  CommandReply list(Command.ListDisputes cmd, String callerId, String sharedIn) {
    ListFilter filter =
        new ListFilter(
            cmd.view(),
            cmd.reason(),
            cmd.minAmount(),
            cmd.dueWithin(),
            cmd.view() == DisputeView.MINE ? callerId : null,
            cmd.filter());
    return page(filter, 0, sharedIn);
  }

  /**
   * The page a "more" button (of a list or a search) asks for; empty when its value is not ours.
   */
  Optional<CommandReply> more(String buttonValue) {
    Optional<SearchPage> search = SearchPage.fromValue(mapper, buttonValue);
    if (search.isPresent()) {
      return search.map(p -> searchPage(p.search(), p.offset()));
    }
    return ListPage.fromValue(mapper, buttonValue)
        .map(p -> page(p.filter(), p.offset(), p.channel()));
  }

  /** The first page of the disputes whose id, buyer name or transaction id contains the text. */
  CommandReply search(Command.Search cmd) {
    return searchPage(cmd.text(), 0);
  }

  private CommandReply searchPage(String text, int offset) {
    List<DisputeLine> page = queries.search(text, offset, ListBuilder.PAGE_SIZE);
    long total =
        offset == 0 && page.size() < ListBuilder.PAGE_SIZE
            ? page.size()
            : queries.searchCount(text);
    int next = offset + page.size();
    String more =
        next < total && !page.isEmpty() ? new SearchPage(text, next).toValue(mapper) : null;
    return lists.search(text, page, total, offset, clock.instant(), more);
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

  private CommandReply page(ListFilter filter, int offset, String sharedIn) {
    DisputeScope scope = sharedIn != null ? channels.scopeOf(sharedIn) : DisputeScope.everything();
    Instant now = clock.instant();
    List<DisputeLine> page = queries.list(filter, now, offset, ListBuilder.PAGE_SIZE, scope);
    long total = queries.count(filter, now, scope);
    int next = offset + page.size();
    String more =
        next < total && !page.isEmpty()
            ? ListPage.of(filter, next, sharedIn).toValue(mapper)
            : null;
    return ScopeNote.added(lists.build(filter, page, total, offset, now, more), scope);
  }
}
