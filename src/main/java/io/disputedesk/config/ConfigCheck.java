package io.disputedesk.config;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every setting of a source read by {@link ConfigLoader#check}, and the problems found so far. The
 * layers above config read their own sections of the same source (routes, rules) and add their
 * problems to {@link #problems()}; {@link #config()} then ends the check, so that one error names
 * every problem of the whole file.
 */
public final class ConfigCheck {
  private final ConfigSource source;
  private final List<String> problems;
  private final boolean accountMissing;
  private final SortedSet<String> accountNames;
  private final Roles roles;
  private final Config config;

  ConfigCheck(
      ConfigSource source,
      List<String> problems,
      boolean accountMissing,
      List<String> accountNames,
      Roles roles,
      Config config) {
    this.source = source;
    this.problems = problems;
    this.accountMissing = accountMissing;
    this.accountNames = Collections.unmodifiableSortedSet(new TreeSet<>(accountNames));
    this.roles = roles;
    this.config = config;
  }

  /** The raw settings, for the sections read above config. */
  public ConfigSource source() {
    return source;
  }

  /** The problems found so far, in the order found; a section adds its own. */
  public List<String> problems() {
    return problems;
  }

  /** The names of the accounts read, sorted: what a route or rule may name. */
  public SortedSet<String> accountNames() {
    return accountNames;
  }

  /** The roles as read (the ids that are well formed). */
  public Roles roles() {
    return roles;
  }

  /** The checked config; throws {@link ConfigException} listing every problem found. */
  public Config config() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems, accountMissing);
    }
    return config;
  }
}
