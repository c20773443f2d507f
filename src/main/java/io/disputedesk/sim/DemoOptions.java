package io.disputedesk.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the demo.
 *
 * @param consolePort the console's port on localhost (0 picks a free one)
 * @param dataDir where the demo's own SQLite file ({@code demo.db}) is created afresh
 * @param evolveEvery how often the simulator changes a dispute (zero: never, e.g. in tests)
 * @param seed the random seed of the seeded disputes and their evolution
 */
public record DemoOptions(int consolePort, Path dataDir, Duration evolveEvery, long seed) {
  public static final int DEFAULT_PORT = 3000;

  public DemoOptions {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(evolveEvery, "evolveEvery");
    if (consolePort < 0 || consolePort > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
  }

  /** Port 3000, {@code data/}, a change every 20 seconds. */
  public static DemoOptions defaults() {
    return new DemoOptions(DEFAULT_PORT, Path.of("data"), Duration.ofSeconds(20), 20261127L);
  }

  public DemoOptions withPort(int port) {
    return new DemoOptions(port, dataDir, evolveEvery, seed);
  }

  public DemoOptions withDataDir(Path dir) {
    return new DemoOptions(consolePort, dir, evolveEvery, seed);
  }

  public DemoOptions withEvolveEvery(Duration every) {
    return new DemoOptions(consolePort, dataDir, every, seed);
  }
}
