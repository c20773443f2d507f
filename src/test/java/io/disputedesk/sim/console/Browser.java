package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through the system chromedriver: no browser or driver download,
 * no Selenium Manager. Skipped only when the browser is missing and {@code CI} is unset.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;

  private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts the browser, or skips the calling test with a clear message when it is not installed.
   */
  static Browser startOrSkip() {
    boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    String ci = System.getenv("CI");
    if (!installed && (ci == null || ci.isBlank())) {
      Assumptions.abort(
          "Browser test skipped: "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " are not installed (apt-get install chromium chromium-driver; .ci/run does this).");
    }
    assertThat(installed)
        .as("CI is set, so the browser test must run: install chromium and chromium-driver")
        .isTrue();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    Path profile;
    try {
      profile = Files.createTempDirectory("console-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1440,960",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    return new Browser(service, new ChromeDriver(service, options), profile);
  }

  /**
   * Waits up to 15 s for a non-null, non-false result; elements redrawn meanwhile are looked up
   * again.
   */
  <T> T waitFor(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Clicks what {@code find} returns, finding it again if the page redrew it before the click. */
  void click(Function<WebDriver, WebElement> find) {
    waitFor(
        d -> {
          find.apply(d).click();
          return true;
        });
  }

  /** Saves a PNG of the window under the build folder's {@code artifacts/}; returns its path. */
  Path screenshot(String name) {
    Path file = buildDir().resolve("artifacts").resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  private static Path buildDir() {
    try {
      // target/test-classes → target, whatever buildDir the build was given.
      return Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless; the OS cleans the temp folder.
    }
  }
}
