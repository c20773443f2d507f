package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.App;
import io.disputedesk.RunOptions;
import io.disputedesk.Settings;
import io.disputedesk.sim.Demo;
import io.disputedesk.sim.DemoOptions;
import io.disputedesk.sim.SimDisputeSpec;
import io.disputedesk.sim.SimReason;
import io.disputedesk.sim.SimStage;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/** The whole demo (simulator, real bot, local Slack, console) used through headless Chromium. */
class DemoInBrowserTest {
  @TempDir Path dir;

  private Browser browser;
  private Demo demo;

  @BeforeEach
  void start() throws Exception {
    browser = Browser.startOrSkip();
    demo =
        Demo.start(
            DemoOptions.defaults().withPort(0).withDataDir(dir).withEvolveEvery(Duration.ZERO),
            source ->
                App.start(
                    Settings.load(source),
                    Clock.systemUTC(),
                    RunOptions.defaults()
                        .withFirstPollDelay(Duration.ZERO)
                        .withSender(
                            SenderSettings.defaults().withSendInterval(Duration.ofMillis(100)))),
            Clock.systemUTC());
    browser.driver.get(demo.consoleUrl());
    awaitOrderFacts();
  }

  /**
   * After the first poll the bot fetches each card's order in the background and redraws the card;
   * the tests click and read cards, so those redraws land (in Slack and in the page) first.
   */
  private void awaitOrderFacts() {
    browser.waitFor(
        d -> {
          List<String> cards =
              demo.slack().messages(Demo.CHANNEL).stream()
                  .filter(m -> m.blocks() != null && m.blocks().toString().contains("What wins"))
                  .map(m -> m.blocks().toString())
                  .toList();
          boolean settled =
              cards.size() >= 10
                  && cards.stream()
                      .allMatch(b -> b.contains("*Order*") && !b.contains("Fetching the order"));
          if (!settled) {
            return null;
          }
          // Slack's cards and the page are compared in the same pass: a card whose order arrives
          // between
          // two looks is counted on both sides the next time round.
          long shipping = cards.stream().filter(b -> b.contains("Ships to")).count();
          String page = d.findElement(By.id("timeline")).getText();
          long shown = page.split("Ships to", -1).length - 1;
          return !page.contains("Fetching the order") && shown == shipping ? Boolean.TRUE : null;
        });
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
    List<WebElement> offers =
        browser.waitFor(
            d -> {
              List<WebElement> buttons =
                  d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']"));
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
  void
      aPartialRefundOnANotAsDescribedDisputeAsksForTheAddressFirstThenShowsPayPalsAnswerInTheForm() {
    // The sweater: not as described, 129.99 GBP. PayPal needs a return address for an offer below
    // that.
    WebElement button =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).stream()
                    .filter(
                        b ->
                            card(b).getText().contains("Not as described")
                                && card(b).getText().contains("129.99"))
                    .findFirst()
                    .orElse(null));
    String disputeId = button.getAttribute("data-value");
    String cardTs = card(button).getAttribute("data-ts");
    assertThat(cardByTs(cardTs).getText()).contains("Waiting for our response");
    browser.click(
        d -> cardByTs(cardTs).findElement(By.cssSelector("[data-action-id='dd_make_offer']")));
    WebElement confirm = browser.waitFor(d -> d.findElement(By.cssSelector(".bk-confirm")));
    assertThat(confirm.getText()).contains("offer?");
    confirm.findElement(By.cssSelector(".bk-confirm-yes")).click();

    WebElement modal =
        browser.waitFor(
            d -> d.findElement(By.cssSelector(".modal[data-callback-id='dd_view_make_offer']")));
    assertThat(modal.getText()).contains("PayPal needs it for an offer below 129.99 GBP");
    WebElement amount = modal.findElement(By.cssSelector("[data-block-id='dd_amount'] input"));
    assertThat(amount.getAttribute("value")).isEmpty();
    modal
        .findElement(By.cssSelector("[data-block-id='dd_note'] textarea"))
        .sendKeys("Sorry about the hole in the sleeve: here is part of your money back.");
    amount.sendKeys("12.50");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    WebElement error =
        browser.waitFor(
            d -> {
              WebElement e =
                  d.findElement(By.cssSelector("[data-block-id='dd_address_line_1'] .bk-error"));
              return e.isDisplayed() ? e : null;
            });
    assertThat(error.getText())
        .contains("PayPal needs the return address for an offer below 129.99 GBP");
    assertThat(
            modal
                .findElement(By.cssSelector("[data-block-id='dd_amount'] .bk-error"))
                .isDisplayed())
        .isFalse();
    assertThat(demo.paypal().count("make-offer")).isZero();
    browser.screenshot("console-offer-error.png");

    modal
        .findElement(By.cssSelector("[data-block-id='dd_address_line_1'] input"))
        .sendKeys("12 Wool Lane");
    modal.findElement(By.cssSelector("[data-block-id='dd_city'] input")).sendKeys("Leeds");
    modal.findElement(By.cssSelector("[data-block-id='dd_postal_code'] input")).sendKeys("LS1 4AP");
    modal.findElement(By.cssSelector("[data-block-id='dd_country'] input")).sendKeys("GB");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    WebElement answered =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector(".modal")).stream()
                    .filter(m -> m.getText().contains("PayPal accepted it"))
                    .findFirst()
                    .orElse(null));
    assertThat(answered.getText())
        .contains("refund of 12.50 GBP, return to 12 Wool Lane, Leeds, LS1 4AP, GB");
    assertThat(answered.findElements(By.cssSelector(".modal-submit"))).isEmpty();
    browser.screenshot("console-offer-answer.png");
    answered.findElement(By.cssSelector(".modal-close")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal")).isEmpty());

    browser.waitFor(d -> cardByTs(cardTs).getText().contains("Waiting for the buyer"));
    assertThat(demo.paypal().requestsTo("make-offer"))
        .singleElement()
        .satisfies(r -> assertThat(r.pathAndQuery()).contains(disputeId))
        .satisfies(r -> assertThat(r.bodyText()).contains("\"address_line_1\":\"12 Wool Lane\""));
    browser.waitFor(
        d -> d.findElement(By.cssSelector("#timeline .msg[data-ts='" + cardTs + "'] .reply-link")));
    browser.waitFor(
        d ->
            browser.driver.executeScript(
                "arguments[0].scrollIntoView({block: 'start'}); return true;", cardByTs(cardTs)));
    browser.click(d -> cardByTs(cardTs).findElement(By.cssSelector(".reply-link")));
    WebElement reply =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#thread .msg")).stream()
                    .filter(m -> m.getText().contains("12.50"))
                    .findFirst()
                    .orElse(null));
    assertThat(reply.getText())
        .contains("Make offer", "@Jordan Lee", "PayPal accepted it", "12 Wool Lane");
    browser.screenshot("console.png");
  }

  @Test
  void anEvidenceDraftIsSavedInTheThreadEditedAndSubmittedToPayPalWithItsTracking() {
    // The Bluetooth speaker: a claim PayPal holds no tracking for, waiting for our evidence.
    WebElement button =
        browser.waitFor(
            d ->
                d
                    .findElements(By.cssSelector(".msg [data-action-id='dd_provide_evidence']"))
                    .stream()
                    .filter(b -> card(b).getText().contains("Bluetooth speaker"))
                    .findFirst()
                    .orElse(null));
    String disputeId = button.getAttribute("data-value");
    String cardTs = card(button).getAttribute("data-ts");
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
    browser.click(
        d ->
            cardByTs(cardTs).findElement(By.cssSelector("[data-action-id='dd_provide_evidence']")));

    WebElement modal =
        browser.waitFor(
            d ->
                d.findElement(
                    By.cssSelector(".modal[data-callback-id='dd_view_provide_evidence']")));
    assertThat(modal.findElement(By.cssSelector("[data-block-id='dd_add_tracker']")).getText())
        .contains("Also add this tracking to PayPal", "PayPal holds no tracking for this payment");
    modal.findElement(By.cssSelector("[data-block-id='dd_carrier'] input")).sendKeys("USPS");
    modal
        .findElement(By.cssSelector("[data-block-id='dd_tracking'] input"))
        .sendKeys("9400111899223817750000");
    modal
        .findElement(By.cssSelector("[data-block-id='dd_note'] textarea"))
        .sendKeys("Shipped the day after payment.");
    modal
        .findElement(By.cssSelector("[data-block-id='dd_add_tracker'] input[type='checkbox']"))
        .click();
    modal
        .findElement(By.cssSelector("[data-block-id='dd_save_draft'] input[type='checkbox']"))
        .click();
    browser.screenshot("console-draft-form.png");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal")).isEmpty());

    // The draft is in the card's thread, with who wrote it; nothing went to PayPal.
    browser.waitFor(
        d -> cardByTs(cardTs).findElements(By.cssSelector(".reply-link")).isEmpty() ? null : true);
    browser.driver.executeScript(
        "arguments[0].scrollIntoView({block: 'start'});", cardByTs(cardTs));
    browser.click(d -> cardByTs(cardTs).findElement(By.cssSelector(".reply-link")));
    WebElement draft =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#thread .msg")).stream()
                    .filter(m -> m.getText().contains("Evidence draft"))
                    .findFirst()
                    .orElse(null));
    assertThat(draft.getText())
        .contains(
            "@Jordan Lee",
            "not sent to PayPal yet",
            "9400111899223817750000",
            "also adds this tracking to PayPal",
            "Edit draft",
            "Submit to PayPal");
    assertThat(demo.paypal().count("provide-evidence")).isZero();
    browser.screenshot("console-draft.png");

    // Edit draft: the form as saved; the notes change and it is saved again.
    browser.click(
        d ->
            lastInThread(d, "Evidence draft")
                .findElement(By.cssSelector("[data-action-id='dd_edit_draft']")));
    WebElement edit =
        browser.waitFor(
            d ->
                d.findElement(
                    By.cssSelector(".modal[data-callback-id='dd_view_provide_evidence']")));
    WebElement notes = edit.findElement(By.cssSelector("[data-block-id='dd_note'] textarea"));
    assertThat(notes.getAttribute("value")).isEqualTo("Shipped the day after payment.");
    assertThat(
            edit.findElement(
                    By.cssSelector("[data-block-id='dd_add_tracker'] input[type='checkbox']"))
                .isSelected())
        .isTrue();
    notes.sendKeys(" Delivered to the buyer's porch.");
    edit.findElement(By.cssSelector(".modal-submit")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal")).isEmpty());
    browser.waitFor(
        d ->
            d.findElements(By.cssSelector("#thread .msg")).stream()
                    .filter(m -> m.getText().contains("Evidence draft"))
                    .count()
                == 2);

    // Submit to PayPal, confirmed: the evidence and the tracking go to PayPal once, and the thread
    // says so.
    browser.click(
        d ->
            lastInThread(d, "Evidence draft")
                .findElement(By.cssSelector("[data-action-id='dd_submit_draft']")));
    WebElement confirm = browser.waitFor(d -> d.findElement(By.cssSelector(".bk-confirm")));
    assertThat(confirm.getText()).contains("Submit the draft to PayPal?");
    confirm.findElement(By.cssSelector(".bk-confirm-yes")).click();
    WebElement submitted =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#thread .msg")).stream()
                    .filter(m -> m.getText().contains("PayPal accepted it"))
                    .findFirst()
                    .orElse(null));
    assertThat(submitted.getText())
        .contains("Provide evidence", "@Jordan Lee", "9400111899223817750000");
    WebElement tracking =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#thread .msg")).stream()
                    .filter(m -> m.getText().contains("Added tracking"))
                    .findFirst()
                    .orElse(null));
    assertThat(tracking.getText()).contains("USPS 9400111899223817750000", "to PayPal");
    browser.screenshot("console-draft-submitted.png");
    assertThat(demo.paypal().requestsTo("provide-evidence"))
        .singleElement()
        .satisfies(r -> assertThat(r.pathAndQuery()).contains(disputeId))
        .satisfies(r -> assertThat(r.bodyText()).contains("porch", "9400111899223817750000"));
    assertThat(demo.paypal().requestsTo("trackers-add"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.bodyText())
                    .contains("\"carrier\":\"USPS\"", "9400111899223817750000"));
    assertThat(demo.paypal().orders().trackingNumbers(disputeId))
        .contains("9400111899223817750000");
  }

  private static WebElement lastInThread(org.openqa.selenium.WebDriver d, String text) {
    List<WebElement> found =
        d.findElements(By.cssSelector("#thread .msg")).stream()
            .filter(m -> m.getText().contains(text))
            .toList();
    if (found.isEmpty()) {
      throw new org.openqa.selenium.NoSuchElementException("no thread message with " + text);
    }
    return found.get(found.size() - 1);
  }

  @Test
  void aNewDisputesThreadShowsTheDemoRulesDryRunNotes() {
    String id =
        demo.paypal()
            .createDispute(
                SimDisputeSpec.builder()
                    .reason(SimReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED)
                    .stage(SimStage.INQUIRY)
                    .amount("8.00", "USD")
                    .buyerName("Robin Small")
                    .build());
    demo.paypal()
        .sendWebhook(
            "http://127.0.0.1:" + demo.config().port() + "/paypal/webhooks/acme",
            "CUSTOMER.DISPUTE.CREATED",
            id);
    String cardTs =
        browser.waitFor(
            d ->
                demo.slack().messages(Demo.CHANNEL).stream()
                    .filter(
                        m ->
                            m.metadata() != null
                                && id.equals(
                                    m.metadata().eventPayload().path("dispute_id").asText()))
                    .map(m -> m.ts())
                    .findFirst()
                    .orElse(null));
    browser.waitFor(
        d -> d.findElement(By.cssSelector("#timeline .msg[data-ts='" + cardTs + "'] .reply-link")));
    browser.waitFor(
        d ->
            browser.driver.executeScript(
                "arguments[0].scrollIntoView({block: 'start'}); return true;", cardByTs(cardTs)));
    browser.click(d -> cardByTs(cardTs).findElement(By.cssSelector(".reply-link")));

    WebElement takeTurns =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#thread .msg")).stream()
                    .filter(m -> m.getText().contains("take-turns"))
                    .findFirst()
                    .orElse(null));
    assertThat(takeTurns.getText())
        .contains("Dry run", "It would have", "Hello Robin Small", "Nothing was done");
    WebElement refund =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#thread .msg")).stream()
                    .filter(m -> m.getText().contains("refund-small-inr"))
                    .findFirst()
                    .orElse(null));
    assertThat(refund.getText()).contains("Dry run", "accepted the claim: full refund of 8.00 USD");
    assertThat(demo.paypal().count("accept-claim") + demo.paypal().count("send-message")).isZero();
    browser.screenshot("console-rule-dry-run.png");
  }

  @Test
  void slashCommandAnswersAndTheHomeTabComeFromTheBot() {
    browser.waitFor(
        d -> d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).size() >= 3);

    browser.driver.findElement(By.id("command-box")).sendKeys("/disputes list due\n");
    WebElement answer =
        browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg.ephemeral")));
    assertThat(answer.getText()).contains("Only visible to you");
    browser.screenshot("console-command.png");
    WebElement permalink =
        browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg.ephemeral a.link")));
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
    browser.waitFor(
        d -> d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).size() >= 3);
    assertThat(browser.driver.findElement(By.id("timeline")).getText())
        .contains("PayPal account acme")
        .doesNotContain("PayPal account nova");

    browser.click(
        d ->
            d.findElement(
                By.cssSelector("#nav-more-channels a[data-channel='" + Demo.NOVA_CHANNEL + "']")));

    browser.waitFor(d -> d.findElement(By.id("main-title")).getText().equals("# nova-disputes"));
    WebElement timeline =
        browser.waitFor(
            d -> {
              WebElement t = d.findElement(By.id("timeline"));
              return t.getText().contains("PayPal account nova") ? t : null;
            });
    assertThat(timeline.getText()).doesNotContain("PayPal account acme");
    browser.driver.findElement(By.id("command-box")).sendKeys("/disputes subscriptions\n");
    WebElement answer =
        browser.waitFor(d -> d.findElement(By.cssSelector("#timeline .msg.ephemeral")));
    assertThat(answer.getText()).contains("account:nova", "config file");
    browser.screenshot("console-two-brands.png");

    browser.click(d -> d.findElement(By.id("nav-channel")));
    browser.waitFor(d -> d.findElement(By.id("main-title")).getText().equals("# disputes"));
    browser.waitFor(
        d -> d.findElement(By.id("timeline")).getText().contains("PayPal account acme"));
  }

  @Test
  void reportCommandShowsTheChartImageInTheMessagesTab() {
    browser.waitFor(
        d -> d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).size() >= 3);

    browser.driver.findElement(By.id("command-box")).sendKeys("/disputes report 90d\n");
    WebElement answer =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#timeline .msg.ephemeral")).stream()
                    .filter(m -> m.getText().contains("dispute-report-90d-"))
                    .findFirst()
                    .orElse(null));
    assertThat(answer.getText()).contains("Sent you", "in a direct message");
    browser.driver.findElement(By.id("nav-home")).click();
    browser.click(d -> d.findElement(By.id("tab-messages")));
    WebElement image =
        browser.waitFor(
            d -> {
              WebElement img = d.findElement(By.cssSelector("#dm img.file-image"));
              Object width =
                  browser.driver.executeScript(
                      "return arguments[0].complete && arguments[0].naturalWidth;", img);
              return width instanceof Number n && n.intValue() == 1200 ? img : null;
            });
    assertThat(image.getAttribute("src")).contains("/console/api/file?id=", "inline=1");
    assertThat(image.getAttribute("alt")).isEqualTo("Dispute report · Last 90 days");
    assertThat(browser.driver.findElement(By.id("dm")).getText())
        .contains("Dispute report · Last 90 days", "opened");
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", image);
    browser.screenshot("console-report.png");
  }

  @Test
  void atNameCompletesToTheMemberAndTheAssignCommandAssignsThem() {
    WebElement offer =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).stream()
                    .findFirst()
                    .orElse(null));
    String disputeId = offer.getAttribute("data-value");
    WebElement box = browser.driver.findElement(By.id("command-box"));

    box.sendKeys("/disputes assign " + disputeId + " @jor");
    WebElement option =
        browser.waitFor(d -> d.findElement(By.cssSelector("#mention-menu .mention-option")));
    assertThat(option.getText()).contains("Jordan Lee", "@jordan");
    browser.screenshot("console-mention.png");
    option.click();
    assertThat(box.getAttribute("value"))
        .isEqualTo("/disputes assign " + disputeId + " @Jordan Lee ");
    assertThat(browser.driver.findElement(By.id("mention-menu")).isDisplayed()).isFalse();
    box.sendKeys(Keys.ENTER);

    WebElement answer =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#timeline .msg.ephemeral")).stream()
                    .filter(m -> m.getText().contains("now assigned to"))
                    .findFirst()
                    .orElse(null));
    assertThat(answer.getText()).contains(disputeId + " is now assigned to @Jordan Lee");
    browser.waitFor(
        d ->
            demo.slack().messages(Demo.CHANNEL).stream()
                .anyMatch(
                    m ->
                        m.blocks() != null
                            && m.blocks().toString().contains(disputeId)
                            && m.blocks().toString().contains("<@" + Demo.USER.id() + ">")));

    // Typed in full, without the menu, it works the same.
    box.sendKeys("/disputes unassign " + disputeId + "\n");
    browser.waitFor(
        d -> d.findElement(By.id("timeline")).getText().contains(disputeId + " is unassigned"));
    box.sendKeys("/disputes assign " + disputeId + " @Jordan Lee\n");
    browser.waitFor(
        d ->
            d.findElements(By.cssSelector("#timeline .msg.ephemeral")).stream()
                    .filter(m -> m.getText().contains("now assigned to @Jordan Lee"))
                    .count()
                == 2);
  }

  @Test
  void emojiCodesAreDrawnAsEmojiAndTimesReadLikeSlacks() {
    browser.waitFor(
        d -> d.findElements(By.cssSelector(".msg [data-action-id='dd_make_offer']")).size() >= 3);
    browser.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("Imported"));

    String channel = browser.driver.findElement(By.id("timeline")).getText();
    assertThat(channel)
        .doesNotContainPattern(":[a-z][a-z0-9_+-]*:")
        .contains("\ud83d\udce5")
        .containsPattern("\u26aa|\ud83d\udd34|\ud83d\udfe0|\ud83d\udfe1")
        .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:")
        .doesNotContain("<!date");
    assertThat(browser.driver.findElements(By.cssSelector("#timeline time.date"))).isNotEmpty();

    browser.driver.findElement(By.id("nav-home")).click();
    WebElement home = browser.waitFor(d -> d.findElement(By.cssSelector("#home .blocks")));
    browser.waitFor(d -> home.getText().contains("PayPal check"));
    assertThat(home.getText())
        .containsPattern("updated \\d\\d:\\d\\d")
        .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT")
        .doesNotContainPattern(":[a-z][a-z0-9_+-]*:");
  }

  @Test
  void aCommandsAnswerBelowTheVisiblePartScrollsIntoViewAndTheToastLeavesTheMessageBoxFree()
      throws Exception {
    browser.waitFor(d -> d.findElements(By.cssSelector("#timeline .msg")).size() >= 12);
    WebElement timeline = browser.driver.findElement(By.id("timeline"));
    WebElement box = browser.driver.findElement(By.id("command-box"));

    box.sendKeys("hello\n");
    WebElement toast =
        browser.waitFor(
            d -> {
              WebElement t = d.findElement(By.id("toast"));
              return t.isDisplayed() ? t : null;
            });
    assertThat(toast.getText()).contains("slash commands only");
    Rectangle t = toast.getRect();
    Rectangle composer = browser.driver.findElement(By.id("composer")).getRect();
    assertThat(
            t.getY() + t.getHeight() <= composer.getY()
                || t.getY() >= composer.getY() + composer.getHeight())
        .as("the toast does not cover the message box")
        .isTrue();
    box.clear();

    scrollToTop(timeline);
    box.sendKeys("/disputes list due\n");
    WebElement answer =
        browser.waitFor(
            d ->
                d.findElements(By.cssSelector("#timeline .msg.ephemeral")).stream()
                    .filter(m -> m.getText().contains("Due within"))
                    .findFirst()
                    .orElse(null));
    browser.waitFor(d -> visibleIn(timeline, answer));
    browser.screenshot("console-answer-in-view.png");

    scrollToTop(timeline);
    try (com.slack.api.Slack slack =
        io.disputedesk.slack.SlackApps.newSlack(demo.slack().apiUrl())) {
      assertThat(
              slack
                  .methods(demo.slack().botToken())
                  .chatPostMessage(r -> r.channel(Demo.CHANNEL).text("A note from the team"))
                  .isOk())
          .isTrue();
    }
    WebElement marker =
        browser.waitFor(
            d -> {
              WebElement m = d.findElement(By.id("new-messages"));
              return m.isDisplayed() ? m : null;
            });
    assertThat(browser.driver.executeScript("return arguments[0].scrollTop", timeline))
        .isEqualTo(0L);
    marker.click();
    browser.waitFor(
        d ->
            visibleIn(
                timeline,
                d.findElements(By.cssSelector("#timeline .msg")).stream()
                    .filter(m -> m.getText().contains("A note from the team"))
                    .findFirst()
                    .orElseThrow()));
    assertThat(marker.isDisplayed()).isFalse();
  }

  private void scrollToTop(WebElement timeline) {
    browser.driver.executeScript("arguments[0].scrollTop = 0", timeline);
    browser.waitFor(
        d ->
            Long.valueOf(0)
                .equals(browser.driver.executeScript("return arguments[0].scrollTop", timeline)));
    assertThat(
            (Long)
                browser.driver.executeScript(
                    "return arguments[0].scrollHeight - arguments[0].clientHeight", timeline))
        .as("the channel is taller than its window")
        .isGreaterThan(400L);
  }

  private boolean visibleIn(WebElement container, WebElement node) {
    return Boolean.TRUE.equals(
        browser.driver.executeScript(
            "var c = arguments[0].getBoundingClientRect();"
                + " var n = arguments[1].getBoundingClientRect();"
                + " return n.bottom <= c.bottom + 1 && n.top >= c.top - 1 || n.top >= c.top - 1 && n.top < c.bottom - 20"
                + " && n.height > c.height;",
            container,
            node));
  }

  private WebElement cardByTs(String ts) {
    return browser.driver.findElement(By.cssSelector("#timeline .msg[data-ts='" + ts + "']"));
  }

  private static WebElement card(WebElement inside) {
    return inside.findElement(
        By.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' msg ')][1]"));
  }
}
