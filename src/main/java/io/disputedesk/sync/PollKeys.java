package io.disputedesk.sync;

/**
 * Where one account's poll keeps its state in {@link SyncState}. The account named {@code default}
 * keeps the keys the bot used before accounts existed, so an upgrade goes on from its cursor.
 */
public record PollKeys(String cursor, String lastSuccess, String lastError, String lastErrorAt) {
  public static PollKeys of(String account) {
    if (account.equals("default")) {
      return new PollKeys(DisputeSync.CURSOR, DisputeSync.LAST_SUCCESS, DisputeSync.LAST_ERROR,
          DisputeSync.LAST_ERROR_AT);
    }
    return new PollKeys(DisputeSync.CURSOR + "@" + account, DisputeSync.LAST_SUCCESS + "@" + account,
        DisputeSync.LAST_ERROR + "@" + account, DisputeSync.LAST_ERROR_AT + "@" + account);
  }
}
