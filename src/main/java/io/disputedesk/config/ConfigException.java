package io.disputedesk.config;

import java.util.List;

/** Start-up settings that are missing or malformed; lists every problem at once. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How to start the demo, as the README's first command builds it. */
  public static final String DEMO_COMMAND = "java -jar target/dispute-desk.jar demo";

  private final transient List<String> problems;

  public ConfigException(List<String> problems) {
    this(problems, false);
  }

  /**
   * {@code accountMissing}: a Slack or PayPal setting is missing, so the message also points at the
   * demo.
   */
  public ConfigException(List<String> problems, boolean accountMissing) {
    super(render(problems, accountMissing));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String render(List<String> problems, boolean accountMissing) {
    boolean one = problems.size() == 1;
    StringBuilder sb = new StringBuilder("Dispute Desk cannot start: ");
    sb.append(problems.size())
        .append(one ? " setting needs" : " settings need")
        .append(" attention.\n");
    for (String p : problems) {
      sb.append("  - ").append(p).append('\n');
    }
    sb.append(one ? "Set it as an environment variable" : "Set them as environment variables")
        .append(
            " or in the config file (see config/dispute-desk.example.yml and README.md, section Configuration).");
    if (accountMissing) {
      sb.append("\nTo try it without any account: ").append(DEMO_COMMAND);
    }
    return sb.toString();
  }
}
