package io.disputedesk.testing;

import io.disputedesk.Settings;
import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings of one start of a {@link BotDesk}'s bot: the fakes' addresses and credentials, the
 * desk's database, then the options' settings, the desk's and the start's own, each overriding the
 * one before.
 */
final class DeskSettings {
  private DeskSettings() {}

  /**
   * Every start gets its own HTTP port: port 0 unless the settings name one, so the bot binds a
   * free port itself and tells it ({@link io.disputedesk.RunningApp#port}), with no gap in which
   * another process could take it.
   */
  static Settings of(BotDesk desk, Map<String, String> deskEnv, Map<String, String> extra) {
    DeskOptions options = desk.options();
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_BOT_TOKEN", desk.slack.botToken());
    env.put("SLACK_SIGNING_SECRET", options.signingSecret());
    env.put("SLACK_API_URL", desk.slack.apiUrl());
    env.put("DISPUTES_CHANNEL", options.channel());
    env.put("PAYPAL_CLIENT_ID", "sim-client-id");
    env.put("PAYPAL_CLIENT_SECRET", "sim-client-secret");
    env.put("PAYPAL_BASE_URL", desk.sim.baseUrl());
    env.put("DATABASE_URL", desk.databaseUrl());
    env.put("POLL_INTERVAL", "PT10S");
    env.putAll(options.env());
    env.putAll(deskEnv);
    env.putAll(extra);
    Settings settings = Settings.load(ConfigSource.of(env));
    return env.containsKey("PORT") ? settings : onAnyFreePort(settings);
  }

  /** The settings with HTTP port 0, which a person cannot set ({@code PORT} is 1 to 65535). */
  private static Settings onAnyFreePort(Settings settings) {
    Config c = settings.config();
    return new Settings(
        new Config(
            c.slack(),
            c.paypal(),
            c.databaseUrl(),
            0,
            c.bindAddress(),
            c.schedule(),
            c.roles(),
            c.approvalThreshold(),
            c.metricsToken(),
            c.auditRetentionDays(),
            c.accounts()),
        settings.routes(),
        settings.rules());
  }
}
