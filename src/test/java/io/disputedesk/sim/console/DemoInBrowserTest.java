package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.sim.Demo;
import io.disputedesk.sim.DemoOptions;
import io.disputedesk.slack.SenderSettings;
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
        config -> App.start(config, Clock.systemUTC(), RunOptions.defaults().withFirstPollDelay(Duration.ZERO)
            .withSender(SenderSettings.defaults().withSendInterval(Duration.ofMillis(100)))),
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
    WebElement card = card(offers.get(0));
    assertThat(card.findElement(By.cssSelector(".bk-header")).getText()).isNotBlank();
    assertThat(card.findElements(By.cssSelector(".bk-field"))).isNotEmpty();
    browser.screenshot("console-cards.png");
  }

  @Test
  void makeOfferShowsTheInlineErrorThenTheThreadReplyAndTheUpdatedCard() {
    // An item-not-received inquiry: PayPal takes a partial refund offer there without a return address.
    WebElement button = browser.waitFor(d -> d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']"))
        .stream().filter(b -> card(b).getText().contains("Item not received")).findFirst().orElse(null));
    String disputeId = button.getAttribute("data-value");
    String cardTs = card(button).getAttribute("data-ts");
    assertThat(cardByTs(cardTs).getText()).contains("Waiting for our response");
    browser.click(d -> cardByTs(cardTs).findElement(By.cssSelector("[data-action-id='dd_make_offer']")));
    WebElement confirm = browser.waitFor(d -> d.findElement(By.cssSelector(".bk-confirm")));
    assertThat(confirm.getText()).contains("offer?");
    confirm.findElement(By.cssSelector(".bk-confirm-yes")).click();

    WebElement modal = browser.waitFor(d -> d.findElement(By.cssSelector(".modal[data-callback-id='dd_view_make_offer']")));
    WebElement amount = modal.findElement(By.cssSelector("[data-block-id='dd_amount'] input"));
    WebElement note = modal.findElement(By.cssSelector("[data-block-id='dd_note'] textarea"));
    note.sendKeys("Sorry it has not arrived: here is part of your money back.");
    amount.clear();
    amount.sendKeys("twelve");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    WebElement error = browser.waitFor(d -> {
      WebElement e = d.findElement(By.cssSelector("[data-block-id='dd_amount'] .bk-error"));
      return e.isDisplayed() ? e : null;
    });
    assertThat(error.getText()).isNotBlank();
    assertThat(modal.findElement(By.cssSelector("[data-block-id='dd_note'] .bk-error")).isDisplayed()).isFalse();
    assertThat(demo.paypal().count("make-offer")).isZero();
    browser.screenshot("console-offer-error.png");

    amount.clear();
    amount.sendKeys("12.50");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal")).isEmpty());
    browser.waitFor(d -> cardByTs(cardTs).getText().contains("Waiting for the buyer"));
    assertThat(demo.paypal().requestsTo("make-offer")).singleElement()
        .satisfies(r -> assertThat(r.pathAndQuery()).contains(disputeId));
    browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg[data-ts='" + cardTs + "'] .reply-link")));
    browser.waitFor(d -> browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'}); return true;",
        cardByTs(cardTs)));
    browser.click(d -> cardByTs(cardTs).findElement(By.cssSelector(".reply-link")));
    WebElement reply = browser.waitFor(d -> d.findElements(By.cssSelector("#thread .msg")).stream()
        .filter(m -> m.getText().contains("12.50")).findFirst().orElse(null));
    assertThat(reply.getText()).contains("Make offer", "@Jordan Lee", "PayPal accepted it");
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

  @Test
  void twoBrandsAreRoutedToTwoChannelsAndTheSidebarSwitchesBetweenThem() {
    browser.waitFor(d -> d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).size() >= 3);
    assertThat(browser.driver.findElement(By.id("timeline")).getText()).contains("PayPal account acme")
        .doesNotContain("PayPal account nova");

    browser.click(d -> d.findElement(By.cssSelector("#nav-more-channels a[data-channel='" + Demo.NOVA_CHANNEL + "']")));

    browser.waitFor(d -> d.findElement(By.id("main-title")).getText().equals("# nova-disputes"));
    WebElement timeline = browser.waitFor(d -> {
      WebElement t = d.findElement(By.id("timeline"));
      return t.getText().contains("PayPal account nova") ? t : null;
    });
    assertThat(timeline.getText()).doesNotContain("PayPal account acme");
    browser.driver.findElement(By.id("command-box")).sendKeys("/disputes subscriptions\n");
    WebElement answer = browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg.ephemeral")));
    assertThat(answer.getText()).contains("account:nova", "config file");
    browser.screenshot("console-two-brands.png");

    browser.click(d -> d.findElement(By.id("nav-channel")));
    browser.waitFor(d -> d.findElement(By.id("main-title")).getText().equals("# disputes"));
    browser.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("PayPal account acme"));
  }

  private WebElement cardByTs(String ts) {
    return browser.driver.findElement(By.cssSelector("#timeline .msg[data-ts='" + ts + "']"));
  }

  private static WebElement card(WebElement inside) {
    return inside.findElement(By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' msg ')][1]"));
  }
}
