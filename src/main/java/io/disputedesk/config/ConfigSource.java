package io.disputedesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Raw settings by name: a YAML file's keys, overridden by environment variables. */
public final class ConfigSource {
  private final Map<String, String> values;

  private ConfigSource(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Settings from a file (may be absent) with the environment on top. */
  public static ConfigSource load(Optional<Path> file, Map<String, String> env) {
    Map<String, String> merged = new HashMap<>();
    file.ifPresent(path -> merged.putAll(readYaml(path)));
    env.forEach((k, v) -> {
      if (v != null && !v.isBlank()) {
        merged.put(k.toUpperCase(Locale.ROOT), v);
      }
    });
    return new ConfigSource(merged);
  }

  public static ConfigSource of(Map<String, String> values) {
    return load(Optional.empty(), values);
  }

  /** The trimmed value of a setting, absent when unset or blank. */
  public Optional<String> get(String name) {
    String v = values.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  private static Map<String, String> readYaml(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(java.util.List.of("Config file " + path + " does not exist or is not a file."));
    }
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new ConfigException(java.util.List.of(
          "Config file " + path + " is not valid YAML: " + firstLine(e.getMessage())));
    }
    Map<String, String> out = new HashMap<>();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return out;
    }
    if (!root.isObject()) {
      throw new ConfigException(java.util.List.of(
          "Config file " + path + " must be a map of SETTING_NAME: value lines."));
    }
    root.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v != null && !v.isNull()) {
        out.put(e.getKey().toUpperCase(Locale.ROOT), v.isArray() ? joinArray(v) : v.asText());
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
