package io.disputedesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The time each native thread of this JVM (JIT compilers and GC included) ran on a core and waited
 * for one, from Linux's {@code /proc/self/task/<tid>/schedstat}; empty where that is not readable.
 */
final class ThreadTimes {
  /** A thread's native id, name, and nanoseconds on a core and waiting in the run queue. */
  record Times(String tid, String name, long runNanos, long waitNanos) {}

  private final Map<String, Times> byTid;

  private ThreadTimes(Map<String, Times> byTid) {
    this.byTid = byTid;
  }

  /**
   * The calling thread's nanoseconds on a core and waiting for one, or an empty array where
   * unknown.
   */
  static long[] self() {
    try {
      String[] s = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ");
      return new long[] {Long.parseLong(s[0]), Long.parseLong(s[1])};
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }

  static ThreadTimes now() {
    return of(Path.of("/proc/self/task"));
  }

  /** The threads of another process on this machine, e.g. a bot's JVM a benchmark started. */
  static ThreadTimes of(ProcessHandle process) {
    return of(Path.of("/proc", Long.toString(process.pid()), "task"));
  }

  private static ThreadTimes of(Path taskDir) {
    Map<String, Times> out = new HashMap<>();
    try (Stream<Path> tasks = Files.list(taskDir)) {
      for (Path task : tasks.toList()) {
        try {
          String[] s = Files.readString(task.resolve("schedstat")).trim().split(" ");
          String name = Files.readString(task.resolve("comm")).trim();
          out.put(
              task.getFileName().toString(),
              new Times(
                  task.getFileName().toString(), name, Long.parseLong(s[0]), Long.parseLong(s[1])));
        } catch (IOException | RuntimeException gone) {
          // The thread ended meanwhile, or no schedstat here.
        }
      }
    } catch (IOException | RuntimeException e) {
      return new ThreadTimes(Map.of());
    }
    return new ThreadTimes(out);
  }

  /** Each thread's times between {@code before} and this snapshot, most time on a core first. */
  List<Times> since(ThreadTimes before) {
    List<Times> out = new ArrayList<>();
    byTid.forEach(
        (tid, t) -> {
          Times b = before.byTid.getOrDefault(tid, new Times(tid, t.name(), 0, 0));
          long run = t.runNanos() - b.runNanos();
          long wait = t.waitNanos() - b.waitNanos();
          if (run > 0 || wait > 0) {
            out.add(new Times(tid, t.name(), run, wait));
          }
        });
    out.sort((x, y) -> Long.compare(y.runNanos(), x.runNanos()));
    return out;
  }

  /**
   * "name:run/wait" in milliseconds for threads that ran at least a millisecond, names shortened.
   */
  static String describe(List<Times> times) {
    StringBuilder s = new StringBuilder();
    for (Times t : times) {
      if (t.runNanos() < 1_000_000 && t.waitNanos() < 1_000_000) {
        continue;
      }
      s.append(s.length() == 0 ? "" : ",")
          .append(t.name().replace(' ', '_'))
          .append(':')
          .append(
              String.format(
                  Locale.ROOT, "%d/%d", t.runNanos() / 1_000_000, t.waitNanos() / 1_000_000));
    }
    return s.length() == 0 ? "-" : s.toString();
  }
}
