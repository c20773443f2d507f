package io.disputedesk.sim.slack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Faults and pauses queued by tests for coming calls of a method. */
final class Interceptions {
  private record PendingPause(String method, Pause pause) {}

  private final Map<String, Deque<Fault>> faults = new HashMap<>();
  private final List<PendingPause> pauses = new ArrayList<>();
  private final List<Pause> handedOut = new ArrayList<>();

  synchronized void failNext(String method, int times, Fault fault) {
    Deque<Fault> queue = faults.computeIfAbsent(method, m -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.add(fault);
    }
  }

  /** The fault for this call, if one is queued (each queued fault is used once). */
  synchronized Optional<Fault> nextFault(String method) {
    Deque<Fault> queue = faults.get(method);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }

  synchronized void clearFaults() {
    faults.clear();
  }

  synchronized Pause pauseNext(String method, Pause.At at) {
    Pause pause = new Pause(at);
    pauses.add(new PendingPause(method, pause));
    return pause;
  }

  /** The pause waiting for this call at this point, if any; it is used up. */
  synchronized Optional<Pause> takePause(String method, Pause.At at) {
    for (Iterator<PendingPause> it = pauses.iterator(); it.hasNext(); ) {
      PendingPause pending = it.next();
      if (pending.method().equals(method) && pending.pause().at() == at) {
        it.remove();
        handedOut.add(pending.pause());
        return Optional.of(pending.pause());
      }
    }
    return Optional.empty();
  }

  /** Frees every held call (dropping its connection) and forgets unused pauses. */
  synchronized void releaseAll() {
    handedOut.forEach(Pause::releaseAndDrop);
    handedOut.clear();
    pauses.clear();
  }
}
