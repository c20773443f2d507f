package io.disputedesk.sim.slack;

/**
 * The identity {@link LocalSlack} answers {@code auth.test} with; defaults match {@code payloads/}.
 */
public record Workspace(
    String teamId,
    String teamName,
    String domain,
    String botUserId,
    String botName,
    String botId,
    String appId) {

  public static Workspace defaults() {
    return new Workspace(
        "T0A1B2C3D",
        "Acme Payments",
        "acme-payments",
        "U0A1B2BOT",
        "disputes-bot",
        "B0A1B2C3H",
        "A0A1B2C3G");
  }

  public String url() {
    return "https://" + domain + ".slack.com/";
  }
}
