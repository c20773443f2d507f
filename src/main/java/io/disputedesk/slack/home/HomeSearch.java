package io.disputedesk.slack.home;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.view.ViewState;
import io.disputedesk.dispute.DisputeLine;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.slack.BusyNote;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.ProgressShown;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.SearchWords;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home tab's search: the button opens the form; a submission is checked (role, then text, as
 * {@code /disputes search} checks them) and acknowledged at once with "Searching…"; the search runs
 * on the executor (one page read and at most one count) and its results replace that view.
 */
public final class HomeSearch {
  private static final Logger log = LoggerFactory.getLogger(HomeSearch.class);

  private final DisputeQueries queries;
  private final SearchModal modal;
  private final ReadAccess access;
  private final MethodsClient methods;
  private final Executor executor;
  private final Clock clock;

  public HomeSearch(
      DisputeQueries queries,
      SearchModal modal,
      ReadAccess access,
      MethodsClient methods,
      Executor executor,
      Clock clock) {
    this.queries = queries;
    this.modal = modal;
    this.access = access;
    this.methods = methods;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Opens the form with the click's trigger id. It shows no dispute, so it is opened for anyone;
   * the role is checked when it is submitted.
   */
  Response open(String triggerId, ActionContext ctx) {
    String view = modal.form().toString();
    try {
      ViewsOpenResponse response =
          ctx.client().viewsOpen(r -> r.triggerId(triggerId).viewAsString(view));
      if (!response.isOk()) {
        log.warn("Slack did not open the Home search form: {}", response.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("Slack did not open the Home search form: {}", e.getClass().getSimpleName());
    }
    return ctx.ack();
  }

  /**
   * "Searching…" in place of the form, with the search queued to show its results there; an error
   * on its input (the text, or a full executor); or the refusal note.
   */
  Response submit(ViewSubmissionPayload payload, ViewSubmissionContext ctx) {
    Optional<String> refused = access.refusal(payload.getUser().getId(), "SEARCH", null);
    if (refused.isPresent()) {
      return ctx.ackWithUpdate(modal.refused(refused.get()).toString());
    }
    String text = typed(payload.getView().getState());
    Optional<String> problem = problem(text);
    if (problem.isPresent()) {
      return ctx.ackWithErrors(Map.of(Ids.SEARCH_TEXT, problem.get()));
    }
    String viewId = payload.getView().getId();
    long ackedAt = System.nanoTime();
    try {
      executor.execute(() -> answer(viewId, text, ackedAt));
    } catch (RejectedExecutionException e) {
      log.warn("The executor is full; a Home search was not run");
      return ctx.ackWithErrors(Map.of(Ids.SEARCH_TEXT, BusyNote.TEXT));
    }
    return ctx.ackWithUpdate(modal.searching(text).toString());
  }

  /** Runs after the ack: the results, or the failure, in place of "Searching…". */
  private void answer(String viewId, String text, long ackedAt) {
    ObjectNode view;
    try {
      List<DisputeLine> found = queries.search(text, 0, SearchModal.SHOWN);
      long total = found.size() < SearchModal.SHOWN ? found.size() : queries.searchCount(text);
      view = modal.results(text, found, total, clock.instant());
    } catch (RuntimeException e) {
      log.error("A Home search failed", e);
      view = modal.failed(text);
    }
    ProgressShown.await(ackedAt);
    String shown = view.toString();
    try {
      // By id and without a hash: the ack gave the view a new hash, which no payload carried.
      ViewsUpdateResponse response = methods.viewsUpdate(r -> r.viewId(viewId).viewAsString(shown));
      if (!response.isOk()) {
        // not_found: the person closed the modal meanwhile.
        log.info("A Home search's results were not shown: {}", response.getError());
      }
    } catch (IOException | SlackApiException e) {
      log.warn("A Home search's results were not shown: {}", e.getClass().getSimpleName());
    }
  }

  /** The typed text with its spaces evened out, as the slash command reads its words. */
  static String typed(ViewState state) {
    ViewState.Value value =
        state == null || state.getValues() == null
            ? null
            : state.getValues().getOrDefault(Ids.SEARCH_TEXT, Map.of()).get(Ids.SEARCH_TEXT);
    String raw = value == null || value.getValue() == null ? "" : value.getValue();
    return raw.replace('\u00a0', ' ').strip().replaceAll("\\s+", " ");
  }

  /**
   * Why {@code text} cannot be searched for (plain text, shown under the input); empty if it can.
   */
  static Optional<String> problem(String text) {
    if (text.isEmpty()) {
      return Optional.of(SearchWords.EMPTY);
    }
    if (text.length() > SearchWords.MAX) {
      return Optional.of(SearchWords.TOO_LONG);
    }
    if (text.length() < SearchWords.MIN) {
      return Optional.of(
          "That is too short; give at least " + SearchWords.MIN + " characters, e.g. jordan.");
    }
    return Optional.empty();
  }
}
