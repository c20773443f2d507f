package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code :emoji:} code the bot writes is one the console draws as an emoji. */
class ConsoleEmojiTest {
  /**
   * A code after a quote, a space, a bracket or a {@code \n} escape, and before a space, quote or
   * star.
   */
  private static final Pattern CODE_IN_JAVA =
      Pattern.compile("(?:(?<=[\"\\s(])|(?<=\\\\n)):([a-z][a-z0-9_+-]*):(?=[\\s\"*])");

  private static final Pattern CODE_IN_MAP =
      Pattern.compile("(?:'([^']+)'|([a-z0-9_]+))\\s*:\\s*'\\\\u");

  @Test
  void everyEmojiCodeInTheBotsTextIsInTheConsolesMap() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CODE_IN_JAVA.matcher(Files.readString(f));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    Set<String> drawn = new TreeSet<>();
    Matcher m =
        CODE_IN_MAP.matcher(Files.readString(Path.of("src/main/resources/console/mrkdwn.js")));
    while (m.find()) {
      drawn.add(m.group(1) != null ? m.group(1) : m.group(2));
    }

    assertThat(used).contains("warning", "red_circle", "checkered_flag", "arrow_double_up");
    assertThat(drawn).containsAll(used);
  }
}
