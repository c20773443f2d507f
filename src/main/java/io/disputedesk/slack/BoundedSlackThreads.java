package io.disputedesk.slack;

import com.slack.api.util.thread.ExecutorServiceProvider;
import io.disputedesk.concurrent.BoundedExecutors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The thread pools Bolt and the Slack client make for themselves, with bounded queues like ours.
 * Their scheduled executors only run the SDK's own periodic housekeeping, never work per request.
 */
final class BoundedSlackThreads implements ExecutorServiceProvider {
  /** Waiting tasks allowed per pool thread. */
  static final int QUEUE_PER_THREAD = 10;

  @Override
  public ExecutorService createThreadPoolExecutor(String threadGroupName, int poolSize) {
    int threads = Math.max(1, poolSize);
    return BoundedExecutors.fixed(threadGroupName, threads, threads * QUEUE_PER_THREAD);
  }

  @Override
  public ScheduledExecutorService createThreadScheduledExecutor(String threadGroupName) {
    return Executors.newSingleThreadScheduledExecutor(
        BoundedExecutors.daemonThreads(threadGroupName));
  }
}
