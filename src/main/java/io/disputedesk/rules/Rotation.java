package io.disputedesk.rules;

import java.util.List;
import java.util.Optional;

/** Takes the next turn among the people available now (sorted ids), if anyone is. */
interface Rotation {
  Optional<String> next(List<String> available);

  /**
   * The first of {@code available} after {@code last} in id order, wrapping around; the first when
   * none was last.
   */
  static String after(String last, List<String> available) {
    if (last != null) {
      for (String id : available) {
        if (id.compareTo(last) > 0) {
          return id;
        }
      }
    }
    return available.get(0);
  }

  /** A rotation kept in memory (a replay), starting from no one. */
  static Rotation inMemory() {
    String[] last = {null};
    return available -> {
      if (available.isEmpty()) {
        return Optional.empty();
      }
      last[0] = after(last[0], available);
      return Optional.of(last[0]);
    };
  }
}
