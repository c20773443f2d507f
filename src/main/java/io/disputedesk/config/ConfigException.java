package io.disputedesk.config;

import java.util.List;

/** Start-up settings that are missing or malformed; lists every problem at once. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;

  public ConfigException(List<String> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String render(List<String> problems) {
    StringBuilder sb = new StringBuilder("Dispute Desk cannot start: ");
    sb.append(problems.size()).append(problems.size() == 1 ? " setting needs" : " settings need").append(" attention.\n");
    for (String p : problems) {
      sb.append("  - ").append(p).append('\n');
    }
    sb.append("Set them as environment variables or in the config file "
        + "(see config/dispute-desk.example.yml and README.md, section Configuration).");
    return sb.toString();
  }
}
