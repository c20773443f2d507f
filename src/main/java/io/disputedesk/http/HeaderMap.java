package io.disputedesk.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Immutable HTTP header multimap whose names compare case-insensitively. */
public final class HeaderMap {
  private static final HeaderMap EMPTY = new HeaderMap(Map.of());

  private final Map<String, List<String>> values;

  private HeaderMap(Map<String, List<String>> raw) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    raw.forEach((name, list) -> copy.merge(name, List.copyOf(list), HeaderMap::concat));
    this.values = Collections.unmodifiableMap(copy);
  }

  public static HeaderMap of(Map<String, List<String>> raw) {
    return raw.isEmpty() ? EMPTY : new HeaderMap(raw);
  }

  public static HeaderMap empty() {
    return EMPTY;
  }

  /** The first value of a header, if present. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** Every value of a header, in arrival order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public Set<String> names() {
    return values.keySet();
  }

  /** A read-only view whose {@code get} is case-insensitive. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  /** A copy with one more value for {@code name}. */
  public HeaderMap with(String name, String value) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(values);
    copy.merge(name, List.of(value), HeaderMap::concat);
    return new HeaderMap(copy);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Names only: header values may carry credentials. */
  @Override
  public String toString() {
    return "HeaderMap" + values.keySet();
  }
}
