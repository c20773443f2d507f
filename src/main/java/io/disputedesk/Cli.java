package io.disputedesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command line: {@code [run|demo] [--config FILE]} or {@code --help}. */
record Cli(Command command, Optional<Path> configFile) {

  enum Command { RUN, DEMO, HELP }

  static final String USAGE = """
      Dispute Desk: triage PayPal disputes together in Slack.

      Usage:
        java -jar dispute-desk.jar [run] [--config FILE]   start the bot (default command)
        java -jar dispute-desk.jar demo [--port N]         try it with no accounts: PayPal simulator and a
                                                           local Slack console at http://localhost:3000/
        java -jar dispute-desk.jar --help                  show this help

      Settings come from environment variables, over the YAML file given with --config (or CONFIG_FILE,
      or config/dispute-desk.yml when it exists). Required: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
      DISPUTES_CHANNEL, PAYPAL_CLIENT_ID, PAYPAL_CLIENT_SECRET. See config/dispute-desk.example.yml.
      """;

  /** Parses arguments; throws {@link IllegalArgumentException} with a one-line reason on bad input. */
  static Cli parse(List<String> args, Map<String, String> env) {
    Command command = Command.RUN;
    Optional<Path> config = Optional.ofNullable(env.get("CONFIG_FILE")).filter(s -> !s.isBlank()).map(Path::of);
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
          if (i + 1 >= args.size() || !args.get(i + 1).matches("\\d{1,5}")) {
            throw new IllegalArgumentException("--port needs a port number");
          }
          i++;
        }
        default -> throw new IllegalArgumentException("unknown argument \"" + a + "\"");
      }
    }
    if (config.isEmpty() && Files.isRegularFile(Path.of("config/dispute-desk.yml"))) {
      config = Optional.of(Path.of("config/dispute-desk.yml"));
    }
    return new Cli(command, config);
  }

  /** The value of {@code --port} if given. */
  static Optional<Integer> port(List<String> args) {
    int i = args.indexOf("--port");
    return i >= 0 && i + 1 < args.size() ? Optional.of(Integer.valueOf(args.get(i + 1))) : Optional.empty();
  }
}
