package io.disputedesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Raw settings by name: a YAML file's keys, overridden by environment variables. Lists of maps
 * (accounts, routes) are kept as YAML nodes; an environment variable of the same name holds them as
 * YAML (or JSON) text.
 */
public final class ConfigSource {
  private final Map<String, String> values;
  private final Map<String, JsonNode> nodes;
  private final Set<String> fromEnv;

  private ConfigSource(
      Map<String, String> values, Map<String, JsonNode> nodes, Set<String> fromEnv) {
    this.values = Map.copyOf(values);
    this.nodes = Map.copyOf(nodes);
    this.fromEnv = Set.copyOf(fromEnv);
  }

  /** Settings from a file (may be absent) with the environment on top. */
  public static ConfigSource load(Optional<Path> file, Map<String, String> env) {
    Map<String, String> merged = new HashMap<>();
    Map<String, JsonNode> nodes = new HashMap<>();
    file.ifPresent(
        path -> {
          JsonNode root = readYaml(path);
          merged.putAll(flat(root));
          if (root != null) {
            root.fields()
                .forEachRemaining(
                    e -> {
                      if (e.getValue() != null && e.getValue().isContainerNode()) {
                        nodes.put(e.getKey().toUpperCase(Locale.ROOT), e.getValue());
                      }
                    });
          }
        });
    Set<String> fromEnv = new HashSet<>();
    env.forEach(
        (k, v) -> {
          if (v != null && !v.isBlank()) {
            merged.put(k.toUpperCase(Locale.ROOT), v);
            fromEnv.add(k.toUpperCase(Locale.ROOT));
          }
        });
    return new ConfigSource(merged, nodes, fromEnv);
  }

  /**
   * A structured setting (a list of maps): the file's YAML, or an environment variable's value read
   * as YAML. Empty when unset; throws {@link ConfigException} when the variable is not YAML.
   */
  public Optional<JsonNode> node(String name) {
    if (fromEnv.contains(name)) {
      try {
        return Optional.ofNullable(new YAMLMapper().readTree(values.get(name)));
      } catch (IOException e) {
        throw new ConfigException(
            java.util.List.of(name + " is not valid YAML or JSON: " + firstLine(e.getMessage())));
      }
    }
    return Optional.ofNullable(nodes.get(name));
  }

  public static ConfigSource of(Map<String, String> values) {
    return load(Optional.empty(), values);
  }

  /** Settings from a YAML file (for tests of structured settings), with {@code env} on top. */
  public static ConfigSource ofYaml(String yaml, Map<String, String> env) {
    try {
      Path file = Files.createTempFile("dispute-desk", ".yml");
      try {
        Files.writeString(file, yaml);
        return load(Optional.of(file), env);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The trimmed value of a setting, absent when unset or blank. */
  public Optional<String> get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static JsonNode readYaml(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          java.util.List.of("Config file " + path + " does not exist or is not a file."));
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new ConfigException(
          java.util.List.of(
              "Config file " + path + " is not valid YAML: " + firstLine(e.getMessage())));
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return null;
    }
    if (!root.isObject()) {
      throw new ConfigException(
          java.util.List.of(
              "Config file " + path + " must be a map of SETTING_NAME: value lines."));
    }
    return root;
  }

  private static Map<String, String> flat(JsonNode root) {
    Map<String, String> out = new HashMap<>();
    if (root == null) {
      return out;
    }
    root.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              if (v != null && !v.isNull()) {
                out.put(
                    e.getKey().toUpperCase(Locale.ROOT), v.isArray() ? joinArray(v) : v.asText());
              }
            });
    return out;
  }

  private static String joinArray(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    array.forEach(n -> sb.append(sb.length() == 0 ? "" : ",").append(n.asText()));
    return sb.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
