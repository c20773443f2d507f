package io.disputedesk.slack;

/**
 * Whether the outbox may write to Slack now. Closed while the app is uninstalled or its bot token
 * revoked: the writes stay pending in the outbox, none is lost or counted as failed.
 */
public interface SlackWriteGate {
  /** A gate that never closes, for senders nobody revokes (tests of the sender alone). */
  SlackWriteGate ALWAYS_OPEN =
      new SlackWriteGate() {
        @Override
        public boolean writesPaused() {
          return false;
        }

        @Override
        public void recheckWhilePaused() {}

        @Override
        public boolean refused(String error) {
          return false;
        }
      };

  /** Cheap: no call to Slack. */
  boolean writesPaused();

  /** While paused, asks Slack whether the token works again when a re-check is due; may reopen. */
  void recheckWhilePaused();

  /**
   * A write was refused for the token itself ({@link SlackException#isAuthFailure()}): pause. True
   * when writes are now paused, so the row should wait; false from a gate that never pauses, and
   * the row is then retried and given up on like any other failure.
   */
  boolean refused(String error);
}
