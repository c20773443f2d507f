package io.disputedesk;

import com.slack.api.methods.MethodsClient;
import io.disputedesk.actions.HomeRefresher;
import io.disputedesk.config.Config;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.home.HomeBuilder;
import io.disputedesk.slack.home.HomeHandlers;
import io.disputedesk.slack.home.HomePages;
import io.disputedesk.slack.home.HomePublisher;
import io.disputedesk.slack.home.HomeSearch;
import io.disputedesk.slack.home.OwnerHomes;
import io.disputedesk.slack.home.SearchModal;
import io.disputedesk.sync.ChangeListener;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The App Home tab (issue 5): published when a person opens it, and again for the people whose
 * disputes changed. Built before the sync and the assignment service, which both republish it;
 * publishing and the tab's searches run on {@code executor}, never on a Slack request's thread.
 */
final class HomeTab {
  private final HomePublisher publisher;
  private final HomeHandlers handlers;
  private final ChangeListener ownersOfChanged;

  HomeTab(
      Config config,
      Stores stores,
      MethodsClient methods,
      DisputeLines lines,
      ReadAccess access,
      Executor executor,
      Clock clock) {
    this.publisher =
        new HomePublisher(
            stores.queries(),
            stores.syncState(),
            stores.snoozes(),
            new HomePages(stores.db()),
            new HomeBuilder(lines),
            methods,
            access,
            executor,
            clock,
            config.schedule().digestZone());
    this.handlers =
        new HomeHandlers(
            publisher,
            new HomeSearch(
                stores.queries(), new SearchModal(lines), access, methods, executor, clock));
    this.ownersOfChanged = new OwnerHomes(stores.assignments(), publisher);
  }

  /**
   * Registers the {@code app_home_opened} event, the tab's "show more" button and its search
   * (button and modal).
   */
  void register(com.slack.api.bolt.App bolt) {
    handlers.register(bolt);
  }

  /** Republishes one person's tab (after an assignment). */
  HomeRefresher refresher() {
    return publisher;
  }

  /** For the sync: republishes the tabs of the owners of the disputes that changed. */
  ChangeListener ownersOfChanged() {
    return ownersOfChanged;
  }
}
