package io.disputedesk.http;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The route table: exact paths first, then the longest matching prefix. */
final class Routes {
  static final String UNMATCHED = "unmatched";

  /** What a request resolved to. */
  sealed interface Resolution {}

  /** A handler to run; {@code head} means a GET handler answering a HEAD request. */
  record Found(String route, Handler handler, boolean head) implements Resolution {}

  /** The path exists but not for this method; {@code allow} is the Allow header value. */
  record WrongMethod(String route, String allow) implements Resolution {}

  record NotFound() implements Resolution {}

  private record Prefix(String prefix, Map<String, Handler> byMethod) {}

  private final Map<String, Map<String, Handler>> exact = new ConcurrentHashMap<>();
  private final List<Prefix> prefixes = new CopyOnWriteArrayList<>();

  void exact(String method, String path, Handler handler) {
    requirePath(path);
    put(exact.computeIfAbsent(path, p -> new ConcurrentHashMap<>()), method, handler, path);
  }

  synchronized void prefix(String method, String prefix, Handler handler) {
    requirePath(prefix);
    Prefix existing =
        prefixes.stream().filter(p -> p.prefix.equals(prefix)).findFirst().orElse(null);
    if (existing == null) {
      existing = new Prefix(prefix, new ConcurrentHashMap<>());
      prefixes.add(existing);
      prefixes.sort(Comparator.comparingInt((Prefix p) -> p.prefix.length()).reversed());
    }
    put(existing.byMethod, method, handler, prefix + "*");
  }

  Resolution resolve(String method, String path) {
    Map<String, Handler> byMethod = exact.get(path);
    if (byMethod != null) {
      return pick(method, path, byMethod);
    }
    for (Prefix p : prefixes) {
      if (path.startsWith(p.prefix)) {
        return pick(method, p.prefix + "*", p.byMethod);
      }
    }
    return new NotFound();
  }

  private static Resolution pick(String method, String route, Map<String, Handler> byMethod) {
    Handler handler = byMethod.get(method);
    if (handler != null) {
      return new Found(route, handler, false);
    }
    if (method.equals("HEAD") && byMethod.containsKey("GET")) {
      return new Found(route, byMethod.get("GET"), true);
    }
    return new WrongMethod(route, allow(byMethod.keySet()));
  }

  private static String allow(Set<String> methods) {
    TreeSet<String> all = new TreeSet<>(methods);
    if (all.contains("GET")) {
      all.add("HEAD");
    }
    all.add("OPTIONS");
    return String.join(", ", all);
  }

  private static void put(
      Map<String, Handler> byMethod, String method, Handler handler, String route) {
    String m = method.toUpperCase(Locale.ROOT);
    if (byMethod.putIfAbsent(m, handler) != null) {
      throw new IllegalStateException("Route already registered: " + m + " " + route);
    }
  }

  private static void requirePath(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("Route paths start with '/': " + path);
    }
  }
}
