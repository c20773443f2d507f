package io.disputedesk.sync;

/**
 * Where one account's poll keeps its state in {@link SyncState}. The account named {@code default}
 * keeps the cursor key the bot used before accounts existed, so an upgrade goes on from its cursor.
 * The unsuffixed health keys are the bot's: the only account's when it is {@code default} alone,
 * else all accounts' together, written by {@link AccountPolls}.
 */
public record PollKeys(String cursor, String lastSuccess, String lastError, String lastErrorAt) {
  /** The keys of {@code account} when it is the bot's only account. */
  public static PollKeys of(String account) {
    return of(account, true);
  }

  /** The keys of {@code account}; {@code alone}: it is the bot's only account. */
  public static PollKeys of(String account, boolean alone) {
    if (account.equals("default") && alone) {
      return bot();
    }
    String cursor =
        account.equals("default") ? DisputeSync.CURSOR : DisputeSync.CURSOR + "@" + account;
    return new PollKeys(
        cursor,
        DisputeSync.LAST_SUCCESS + "@" + account,
        DisputeSync.LAST_ERROR + "@" + account,
        DisputeSync.LAST_ERROR_AT + "@" + account);
  }

  /** The bot's keys (what the Home tab shows). */
  static PollKeys bot() {
    return new PollKeys(
        DisputeSync.CURSOR,
        DisputeSync.LAST_SUCCESS,
        DisputeSync.LAST_ERROR,
        DisputeSync.LAST_ERROR_AT);
  }

  boolean isBots() {
    return lastSuccess.equals(DisputeSync.LAST_SUCCESS);
  }
}
