package io.disputedesk.testing;

import io.disputedesk.RunningApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a {@link BotDesk} and its replicas before each test and stops them after it; on a static
 * field, once for the whole class. {@code @RegisterExtension final BotDeskExtension bot =
 * BotDeskExtension.of(DeskOptions.defaults().with("AGENTS", ...));}
 */
public final class BotDeskExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final DeskOptions options;
  private final boolean deferred;
  private final List<RunningApp> replicas = new ArrayList<>();
  private boolean perClass;
  private Path dir;
  private BotDesk desk;

  private BotDeskExtension(DeskOptions options, boolean deferred) {
    this.options = options;
    this.deferred = deferred;
  }

  public static BotDeskExtension of(DeskOptions options) {
    return new BotDeskExtension(options, false);
  }

  /**
   * Starts nothing before each test: the test calls {@link #startOn} with a database it gets as a
   * parameter (a PostgreSQL one of {@code @OnPostgres}); stopped after the test all the same.
   */
  public static BotDeskExtension deferred(DeskOptions options) {
    return new BotDeskExtension(options, true);
  }

  public static BotDeskExtension defaults() {
    return of(DeskOptions.defaults());
  }

  public BotDesk desk() {
    return desk;
  }

  /** The first (or only) running bot. */
  public RunningApp app() {
    return replicas.get(0);
  }

  public List<RunningApp> replicas() {
    return List.copyOf(replicas);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    perClass = true;
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  /** For a deferred extension: the desk on this database, with the options' replicas started. */
  public BotDesk startOn(String databaseUrl) {
    if (!deferred || desk != null) {
      throw new IllegalStateException("startOn is for a deferred extension, once per test");
    }
    open(options.replicas(options.replicas(), databaseUrl));
    return desk;
  }

  private void start() throws IOException {
    dir = Files.createTempDirectory("botdesk");
    if (!deferred) {
      open(options);
    }
  }

  private void open(DeskOptions opened) {
    desk = new BotDesk(dir, opened);
    for (int i = 0; i < opened.replicas(); i++) {
      replicas.add(desk.start());
    }
  }

  private void stop() throws Exception {
    try {
      if (desk != null) {
        desk.close();
      }
    } finally {
      desk = null;
      replicas.clear();
      delete(dir);
    }
  }

  private static void delete(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
