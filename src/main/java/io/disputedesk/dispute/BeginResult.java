package io.disputedesk.dispute;

/**
 * The outcome of {@link ActionStore#begin}: this caller owns the action, or another already does.
 */
public sealed interface BeginResult {
  /** The action row this caller created and must now carry out. */
  record Started(Action action) implements BeginResult {}

  /**
   * The action that blocked this one: the same intent (in any status, finished ones included) or
   * another open action of the same kind on the dispute.
   */
  record AlreadyOpen(Action existing) implements BeginResult {}
}
