package io.disputedesk.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads single settings, adding a problem that names the setting when one is missing or wrong. */
final class SettingReader {
  private static final Pattern USER_OR_GROUP = Pattern.compile("[UWS][A-Z0-9]{2,}");

  private final ConfigSource source;
  private final List<String> problems;

  /** A Slack or PayPal setting is missing: the demo needs neither account. */
  private boolean accountMissing;

  SettingReader(ConfigSource source, List<String> problems) {
    this.source = source;
    this.problems = problems;
  }

  /** Whether a required setting was missing. */
  boolean accountMissing() {
    return accountMissing;
  }

  Optional<String> required(String name, String what) {
    Optional<String> v = source.get(name);
    if (v.isEmpty()) {
      problems.add(name + " is not set: set it to " + what + ".");
      accountMissing = true;
    }
    return v;
  }

  Secret secret(String name, String prefix, String what) {
    Optional<String> v = required(name, what);
    if (v.isPresent() && prefix != null && !v.get().startsWith(prefix)) {
      problems.add(
          name + " does not look right: it should start with " + prefix + " (value not shown).");
    }
    return v.map(Secret::new).orElse(null);
  }

  Optional<Secret> optionalSecret(String name, String prefix) {
    Optional<String> v = source.get(name);
    if (v.isPresent() && !v.get().startsWith(prefix)) {
      problems.add(
          name
              + " does not look right: it should start with "
              + prefix
              + " (an app-level token with connections:write; value not shown), or be left unset for HTTP mode.");
    }
    return v.map(Secret::new);
  }

  String url(String name, String fallback) {
    String v = source.get(name).orElse(fallback);
    if (v == null) {
      return null;
    }
    try {
      URI uri = URI.create(v);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        problems.add(
            name
                + " must be an http(s) URL such as "
                + (fallback != null ? fallback : "https://api-m.sandbox.paypal.com")
                + ".");
        return null;
      }
    } catch (IllegalArgumentException e) {
      problems.add(name + " is not a valid URL.");
      return null;
    }
    return v;
  }

  <T> T parse(String name, String fallback, Function<String, T> parser, String message) {
    String v = source.get(name).orElse(fallback);
    try {
      return parser.apply(v);
    } catch (RuntimeException e) {
      problems.add(message + " (got \"" + v + "\").");
      return null;
    }
  }

  List<String> ids(String name) {
    List<String> out = new ArrayList<>();
    for (String raw : source.get(name).orElse("").split(",")) {
      String id = raw.trim();
      if (id.isEmpty()) {
        continue;
      }
      if (USER_OR_GROUP.matcher(id).matches()) {
        out.add(id);
      } else {
        problems.add(
            name
                + " must list Slack user ids (U…) or user-group ids (S…), separated by commas; \""
                + id
                + "\" is neither (a name or @mention does not work: copy the member id from the profile).");
      }
    }
    return out;
  }

  boolean check(boolean ok, String message) {
    if (!ok) {
      problems.add(message + ".");
    }
    return ok;
  }
}
