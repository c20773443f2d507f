package io.disputedesk.sim;

import io.disputedesk.http.FormCodec;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's query: decoded values by name, and the raw pairs so links can echo the query back.
 */
final class QueryString {
  private final List<FormCodec.RawPair> rawPairs;
  private final Map<String, String> values = new LinkedHashMap<>();

  QueryString(String rawQuery) {
    rawPairs = FormCodec.rawPairs(rawQuery);
    for (FormCodec.RawPair p : rawPairs) {
      values.put(decode(p.name()), decode(p.value()));
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
    for (FormCodec.RawPair p : rawPairs) {
      if (drop.contains(decode(p.name()))) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p.name()).append('=').append(p.value());
    }
    return sb.toString();
  }

  /** Every parameter, decoded and encoded again, as PayPal echoes a query in a self link. */
  String reencoded() {
    StringBuilder sb = new StringBuilder();
    for (String name : names()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(get(name), StandardCharsets.UTF_8));
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
