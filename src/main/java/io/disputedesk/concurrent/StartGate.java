package io.disputedesk.concurrent;

/**
 * What a pool's thread waits for before it starts each task it has taken, e.g. a moment when no
 * request is being answered, for at most a short bound. It must return in bounded time.
 */
@FunctionalInterface
public interface StartGate {
  /** Never waits. */
  StartGate OPEN = () -> {};

  /** Returns when the task may start. */
  void await() throws InterruptedException;
}
