package io.disputedesk.sim.slack;

import java.util.ArrayList;
import java.util.List;

/** Every Web API call received, in arrival order. */
final class CallLog {
  private final List<ApiCall> calls = new ArrayList<>();

  synchronized void add(ApiCall call) {
    calls.add(call);
  }

  synchronized List<ApiCall> all() {
    return List.copyOf(calls);
  }

  synchronized List<ApiCall> of(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  synchronized void clear() {
    calls.clear();
  }
}
