package io.disputedesk;

import io.disputedesk.config.Config;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigLoader;
import io.disputedesk.config.ConfigSource;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: loads settings, builds every object, starts and stops the bot. */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private App() {}

  public static void main(String[] args) {
    int code = run(Arrays.asList(args), System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line; returns the process exit code (0 ok, 2 bad usage or settings). */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Cli cli;
    try {
      cli = Cli.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("dispute-desk: " + e.getMessage() + "\n\n" + Cli.USAGE);
      return 2;
    }
    if (cli.command() == Cli.Command.HELP) {
      out.print(Cli.USAGE);
      return 0;
    }
    Config config;
    try {
      config = ConfigLoader.load(ConfigSource.load(cli.configFile(), env));
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    }
    log.info("Configuration loaded: channel {}, PayPal {}, database {}", config.slack().channel(),
        config.paypal().baseUrl(), config.databaseUrl().replaceAll("password=[^&;]*", "password=****"));
    return 0;
  }
}
