package io.disputedesk.sim;

/** How a test arranges the simulator's merchants, their REST apps, partner consents and tokens. */
public final class AccountControls {
  private final SimAccounts accounts;
  private final Tokens tokens;

  AccountControls(SimAccounts accounts, Tokens tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /**
   * Adds a merchant's own REST app: {@code clientId}/{@code secret} get tokens that see {@code
   * merchantId}'s disputes; {@code webhookId} (nullable) is its webhook, whose events are signed
   * with it.
   */
  public void addApp(String merchantId, String clientId, String secret, String webhookId) {
    accounts.add(new SimAccounts.App(clientId, secret, merchantId, webhookId));
  }

  /**
   * The merchant consents to {@code partnerClientId}'s app acting for it (with
   * PayPal-Auth-Assertion).
   */
  public void grantPartner(String partnerClientId, String merchantId) {
    accounts.grant(partnerClientId, merchantId);
  }

  /** The merchant withdraws its consent: the partner's calls for it get 403 PERMISSION_DENIED. */
  public void withdrawPartner(String partnerClientId, String merchantId) {
    accounts.withdraw(partnerClientId, merchantId);
  }

  /** Revokes an app (or lifts the revocation): its token requests and its tokens get 401. */
  public void revokeApp(String clientId, boolean revoked) {
    accounts.revoke(clientId, revoked);
  }

  /** Forgets every issued token, so the next call with one gets 401 invalid_token. */
  public void expireTokens() {
    tokens.expireAll();
  }
}
