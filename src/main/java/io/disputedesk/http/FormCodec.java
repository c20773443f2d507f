package io.disputedesk.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code application/x-www-form-urlencoded} (and query string) encoding in UTF-8. */
public final class FormCodec {
  private FormCodec() {}

  /** One {@code name=value} pair as sent, not decoded; without "=" the value is empty. */
  public record RawPair(String name, String value) {}

  /** The non-empty pairs of {@code a=1&b=x+y} in order, not decoded. */
  public static List<RawPair> rawPairs(String encoded) {
    List<RawPair> out = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      out.add(
          new RawPair(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1)));
    }
    return out;
  }

  /** Decodes {@code a=1&b=x+y} into name → values in order; malformed escapes throw. */
  public static Map<String, List<String>> decode(String encoded) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (RawPair p : rawPairs(encoded)) {
      out.computeIfAbsent(decodePart(p.name()), k -> new ArrayList<>()).add(decodePart(p.value()));
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(out);
  }

  /** Like {@link #decode} but keeps the first value of each name. */
  public static Map<String, String> decodeFirst(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    decode(encoded).forEach((k, v) -> out.put(k, v.get(0)));
    return Collections.unmodifiableMap(out);
  }

  /** Encodes name → value pairs in iteration order. */
  public static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encodePart(e.getKey()) + "=" + encodePart(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static String encodePart(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decodePart(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
