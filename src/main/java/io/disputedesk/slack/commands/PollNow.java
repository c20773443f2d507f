package io.disputedesk.slack.commands;

/**
 * Polls PayPal now (the sync's poll) and says in one line what changed; throws when the poll fails.
 */
@FunctionalInterface
public interface PollNow {
  String pollAndDescribe();
}
