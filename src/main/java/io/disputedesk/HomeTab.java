package io.disputedesk;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.config.Config;
import io.disputedesk.dispute.AssignmentStore;
import io.disputedesk.dispute.DisputeQueries;
import io.disputedesk.slack.ReadAccess;
import io.disputedesk.slack.DisputeLines;
import io.disputedesk.slack.Permalinks;
import io.disputedesk.slack.WorkspaceUrl;
import io.disputedesk.slack.home.HomeBuilder;
import io.disputedesk.slack.home.HomeHandlers;
import io.disputedesk.slack.home.HomePages;
import io.disputedesk.slack.home.HomePublisher;
import io.disputedesk.slack.home.HomeRefresher;
import io.disputedesk.slack.home.OwnerHomes;
import io.disputedesk.store.Database;
import io.disputedesk.sync.ChangeListener;
import io.disputedesk.sync.SyncState;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * The App Home tab (issue 5): published when a person opens it, and again for the people whose
 * disputes changed. Built before the sync and the assignment service, which both republish it;
 * publishing runs on {@code executor}, never on a Slack request's thread.
 */
final class HomeTab {
  private final HomePublisher publisher;
  private final HomeHandlers handlers;
  private final ChangeListener ownersOfChanged;

  HomeTab(Config config, Database db, Slack slack, ReadAccess access, Executor executor, Clock clock) {
    MethodsClient methods = slack.methods(config.slack().botToken().reveal());
    DisputeLines lines = new DisputeLines(new Permalinks(new WorkspaceUrl(methods)), config.severalAccounts());
    this.publisher = new HomePublisher(new DisputeQueries(db), new SyncState(db), new HomePages(db),
        new HomeBuilder(lines), methods, access, executor, clock, config.schedule().digestZone());
    this.handlers = new HomeHandlers(publisher);
    this.ownersOfChanged = new OwnerHomes(new AssignmentStore(db), publisher);
  }

  /** Registers the {@code app_home_opened} event and the tab's "show more" button. */
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
