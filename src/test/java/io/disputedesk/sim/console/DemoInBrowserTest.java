package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.sim.Demo;
import io.disputedesk.sim.DemoOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The whole demo (simulator, real bot, local Slack, console) used through headless Chromium. */
class DemoInBrowserTest {
  @TempDir Path dir;

  private Browser browser;
  private Demo demo;

  @BeforeEach
  void start() throws Exception {
    browser = Browser.startOrSkip();
    demo = Demo.start(DemoOptions.defaults().withPort(0).withDataDir(dir).withEvolveEvery(Duration.ZERO),
        config -> App.start(config, Clock.systemUTC(), RunOptions.defaults().withFirstPollDelay(Duration.ZERO)),
        Clock.systemUTC());
    browser.driver.get(demo.consoleUrl());
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void cardsTheBotPostsFromTheSimulatorAppearInTheChannel() {
    List<WebElement> offers = browser.waitFor(d -> {
      List<WebElement> buttons = d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']"));
      return buttons.size() >= 3 ? buttons : null;
    });

    assertThat(browser.driver.findElement(By.id("timeline")).getText()).contains("Imported");
    assertThat(offers.get(0).getText()).isEqualTo("Make offer");
    WebElement card = offers.get(0).findElement(By.xpath("ancestor::div[contains(@class,'msg')][1]"));
    assertThat(card.findElement(By.cssSelector(".bk-header")).getText()).isNotBlank();
    assertThat(card.findElements(By.cssSelector(".bk-field"))).isNotEmpty();
    browser.screenshot("console.png");
  }

  @Test
  void slashCommandAnswersAndTheHomeTabComeFromTheBot() {
    browser.waitFor(d -> d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).size() >= 3);

    browser.driver.findElement(By.id("command-box")).sendKeys("/disputes list due\n");
    WebElement answer = browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg.ephemeral")));
    assertThat(answer.getText()).contains("Only visible to you");
    browser.screenshot("console-command.png");
    WebElement permalink = browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg.ephemeral a.link")));
    permalink.click();
    WebElement card = browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg.flash")));
    assertThat(card.getText()).contains(permalink.getText());
    assertThat(browser.driver.getWindowHandles()).as("stays in the console").hasSize(1);

    browser.driver.findElement(By.id("command-box")).sendKeys("/disputes export all\n");
    browser.driver.findElement(By.id("nav-home")).click();
    WebElement home = browser.waitFor(d -> d.findElement(By.cssSelector("#home .blocks")));
    assertThat(home.getText()).contains("Jordan Lee");
    browser.screenshot("console-home.png");
    browser.driver.findElement(By.id("tab-messages")).click();
    WebElement export = browser.waitFor(d -> d.findElement(By.cssSelector("#dm .file-link")));
    assertThat(export.getAttribute("href")).contains("/console/api/file?id=");
  }
}
