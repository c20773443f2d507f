package io.disputedesk.sim;

import io.disputedesk.config.Secret;
import io.disputedesk.sim.slack.LocalSlack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bot's settings in the demo: everything points at the simulator and the local Slack; polling
 * is quick.
 */
final class DemoSettings {
  private DemoSettings() {}

  /** The settings, with a fresh database under {@code dataDir}. */
  static Map<String, String> of(
      PayPalSimulator paypal,
      String webhookId,
      LocalSlack slack,
      Secret signingSecret,
      int botPort,
      Path dataDir) {
    Path db = resetDatabase(dataDir);
    Map<String, String> s = new LinkedHashMap<>();
    s.put("SLACK_BOT_TOKEN", slack.botToken());
    s.put("SLACK_SIGNING_SECRET", signingSecret.reveal());
    s.put("SLACK_API_URL", slack.apiUrl());
    s.put("DISPUTES_CHANNEL", Demo.CHANNEL);
    // Two brands: "acme" (the simulator's default app) and "nova" (its own app), each polled on its
    // own; nova's disputes are routed to their own channel, acme's stay in the default one.
    s.put(
        "ACCOUNTS",
        "[{name: acme, client_id: sim-client-id, client_secret: sim-client-secret, base_url: '"
            + paypal.baseUrl()
            + "', webhook_id: "
            + webhookId
            + "},"
            + " {name: nova, client_id: "
            + Demo.NOVA_CLIENT_ID
            + ", client_secret: sim-nova-secret, base_url: '"
            + paypal.baseUrl()
            + "', webhook_id: "
            + Demo.NOVA_WEBHOOK_ID
            + "}]");
    s.put("ROUTES", "[{channel: " + Demo.NOVA_CHANNEL + ", when: account:nova}]");
    s.put("DATABASE_URL", "jdbc:sqlite:" + db);
    s.put("PORT", Integer.toString(botPort));
    // Like the console, the demo's bot is for this machine only.
    s.put("BIND_ADDRESS", Demo.CONSOLE_BIND);
    s.put("POLL_INTERVAL", "PT10S");
    // Past the digest time from the first minute of the day, so the digest's catch-up check posts
    // it a few minutes after start whenever the demo is started (as the README says).
    s.put("DIGEST_TIME", "00:00");
    s.put("APPROVERS", Demo.USER.id());
    s.put("AGENTS", Demo.USER.id() + ",S0A1B2C3P");
    // Two example rules in dry run: each new dispute's thread says what they would have done.
    s.put(
        "RULES",
        "[{name: take-turns, owner: "
            + Demo.USER.id()
            + ", trigger: new dispute, when: everything,"
            + " actions: [{assign: round-robin S0A1B2C3P}, {message: 'Hello {buyer_name}, thank you for writing."
            + " We are looking into your case about {amount} (transaction {transaction_id}) and will answer before"
            + " {due_date}.'}]},"
            + " {name: refund-small-inr, owner: "
            + Demo.USER.id()
            + ", trigger: [new dispute, stage change],"
            + " when: inr 0-10 USD, mode: dry-run, actions: [{accept: 10 USD}]}]");
    return s;
  }

  /** {@code dataDir/demo.db}, deleted with its journal files so every demo starts fresh. */
  private static Path resetDatabase(Path dataDir) {
    Path db = dataDir.resolve("demo.db");
    try {
      Files.createDirectories(dataDir);
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        Files.deleteIfExists(Path.of(db + suffix));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the demo database in " + dataDir, e);
    }
    return db;
  }
}
