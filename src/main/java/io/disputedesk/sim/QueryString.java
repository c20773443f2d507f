package io.disputedesk.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's query: decoded values by name, and the raw pairs so links can echo the query back.
 */
final class QueryString {
  private final List<String[]> rawPairs = new ArrayList<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  QueryString(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      rawPairs.add(new String[] {rawName, rawValue});
      values.put(decode(rawName), decode(rawValue));
    }
  }

  String get(String name) {
    return values.get(name);
  }

  Set<String> names() {
    return values.keySet();
  }

  /**
   * The raw query without the named parameters, ready to append more; empty when nothing is left.
   */
  String rawWithout(Set<String> drop) {
    StringBuilder sb = new StringBuilder();
    for (String[] p : rawPairs) {
      if (drop.contains(decode(p[0]))) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[0]).append('=').append(p[1]);
    }
    return sb.toString();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A broken %-escape is kept as sent; validation then rejects the value.
      return s;
    }
  }
}
