package io.disputedesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line: {@code [run|demo] [--config FILE] [--port N]} or {@code --help}.
 *
 * @param demoPort the demo console's port: {@code --port}, else {@code PORT}, else empty (the
 *     default)
 */
record Cli(Command command, Optional<Path> configFile, Optional<Integer> demoPort) {

  enum Command {
    RUN,
    DEMO,
    HELP
  }

  static final String USAGE =
      """
      Dispute Desk: triage PayPal disputes together in Slack.

      Usage:
        java -jar dispute-desk.jar [run] [--config FILE]   start the bot (default command)
        java -jar dispute-desk.jar demo [--port N]         try it with no accounts: PayPal simulator and a
                                                           local Slack console at http://localhost:3000/
                                                           (port from --port, else PORT; 127.0.0.1 only)
        java -jar dispute-desk.jar --help                  show this help

      Settings come from environment variables, over the YAML file given with --config (or CONFIG_FILE,
      or config/dispute-desk.yml when it exists). Required: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
      DISPUTES_CHANNEL, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET. See config/dispute-desk.example.yml.
      """;

  /**
   * Parses arguments; throws {@link IllegalArgumentException} with a one-line reason on bad input.
   */
  static Cli parse(List<String> args, Map<String, String> env) {
    Command command = Command.RUN;
    Optional<Path> config =
        Optional.ofNullable(env.get("CONFIG_FILE")).filter(s -> !s.isBlank()).map(Path::of);
    Optional<Integer> port = Optional.empty();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help", "help" -> command = Command.HELP;
        case "run" -> command = command == Command.HELP ? command : Command.RUN;
        case "demo" -> command = command == Command.HELP ? command : Command.DEMO;
        case "--config", "-c" -> {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("--config needs a file path");
          }
          config = Optional.of(Path.of(args.get(++i)));
        }
        case "--port" -> {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException("--port needs a port number");
          }
          port = Optional.of(portNumber("--port", args.get(++i)));
        }
        default -> throw new IllegalArgumentException("unknown argument \"" + a + "\"");
      }
    }
    if (config.isEmpty() && Files.isRegularFile(Path.of("config/dispute-desk.yml"))) {
      config = Optional.of(Path.of("config/dispute-desk.yml"));
    }
    // PORT is the bot's setting when it runs (validated with the others); the demo's console takes
    // it too.
    String envPort = env.get("PORT");
    if (command == Command.DEMO && port.isEmpty() && envPort != null && !envPort.isBlank()) {
      port = Optional.of(portNumber("PORT", envPort.trim()));
    }
    return new Cli(command, config, port);
  }

  private static int portNumber(String name, String value) {
    if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
      throw new IllegalArgumentException(
          name + " needs a port number from 0 to 65535, not \"" + value + "\"");
    }
    return Integer.parseInt(value);
  }
}
