package io.disputedesk.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.http.FormCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console page in real headless Chromium, against a small test bot. */
class ConsolePageTest {
  private ConsoleRig rig;
  private Browser browser;

  @BeforeEach
  void start() {
    browser = Browser.startOrSkip();
    rig = new ConsoleRig(Duration.ofSeconds(20));
    browser.driver.get(rig.consoleUrl());
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (rig != null) {
      rig.close();
    }
  }

  @Test
  void cardIsDrawnFromTheBotsBlocksWithBuyerTextEscaped() {
    WebElement card =
        browser.waitFor(
            d -> d.findElement(By.cssSelector(".msg[data-ts='" + rig.bot.cardTs + "']")));

    assertThat(card.findElement(By.cssSelector(".bk-header")).getText())
        .isEqualTo("PP-D-1 · 23.00 USD");
    assertThat(card.findElements(By.cssSelector(".bk-field"))).hasSize(2);
    assertThat(card.findElement(By.cssSelector(".bk-field b")).getText()).isEqualTo("Reason");
    assertThat(card.getText()).contains("Buyer: <script>alert(1)</script> wrote hi");
    assertThat(card.findElements(By.tagName("script"))).isEmpty();
    assertThat(card.findElement(By.cssSelector(".bk-context .mention")).getText())
        .isEqualTo("@Alice Archer");
    assertThat(
            card.findElement(By.cssSelector("[data-action-id='dd_make_offer']"))
                .getAttribute("class"))
        .contains("bk-primary");
    browser.screenshot("console-test-bot.png");
  }

  @Test
  void makeOfferShowsTheInlineErrorThenTheThreadReplyAndUpdatedCard() {
    browser.waitFor(d -> d.findElement(By.cssSelector("[data-action-id='dd_make_offer']"))).click();
    WebElement modal =
        browser.waitFor(
            d -> d.findElement(By.cssSelector(".modal[data-callback-id='dd_view_make_offer']")));
    WebElement amount = modal.findElement(By.cssSelector("[data-block-id='amount'] input"));
    assertThat(amount.getAttribute("value")).isEqualTo("23.00");

    amount.clear();
    modal.findElement(By.cssSelector(".modal-submit")).click();
    WebElement required =
        browser.waitFor(
            d -> {
              WebElement e = d.findElement(By.cssSelector("[data-block-id='amount'] .bk-error"));
              return e.isDisplayed() ? e : null;
            });
    assertThat(required.getText()).isEqualTo("Please fill out this field.");
    assertThat(rig.bot.payloads).as("Slack's client stops an empty required field").hasSize(1);

    amount.sendKeys("-4");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    browser.waitFor(
        d -> {
          WebElement e = d.findElement(By.cssSelector("[data-block-id='amount'] .bk-error"));
          return e.isDisplayed() && e.getText().contains("above 0");
        });
    assertThat(rig.bot.payloads).hasSize(2);
    browser.screenshot("console-test-bot-error.png");

    amount.clear();
    amount.sendKeys("12.50");
    modal.findElement(By.cssSelector(".modal-submit")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal")).isEmpty());
    browser.waitFor(
        d ->
            d.findElement(By.cssSelector(".msg[data-ts='" + rig.bot.cardTs + "']"))
                .getText()
                .contains("Offer sent: 12.50 USD"));

    browser
        .driver
        .findElement(By.cssSelector(".msg[data-ts='" + rig.bot.cardTs + "'] .reply-link"))
        .click();
    List<WebElement> thread =
        browser.waitFor(
            d -> {
              List<WebElement> items = d.findElements(By.cssSelector("#thread .msg"));
              return items.size() == 2 ? items : null;
            });
    assertThat(thread.get(1).getText()).contains("@Alice Archer offered 12.50 USD on PP-D-1");
    browser.screenshot("console-test-bot-thread.png");
  }

  @Test
  void fileAttachedInAModalReachesTheBotAsSlackDescribesItAndCanBeDownloadedWithTheBotToken()
      throws Exception {
    Path proof =
        Files.writeString(Files.createTempFile("proof-", ".pdf"), "%PDF-1.4 proof of delivery");
    browser.waitFor(d -> d.findElement(By.cssSelector("[data-action-id='dd_make_offer']"))).click();
    WebElement modal = browser.waitFor(d -> d.findElement(By.cssSelector(".modal")));
    modal
        .findElement(By.cssSelector("[data-block-id='proof'] input[type=file]"))
        .sendKeys(proof.toString());
    browser.waitFor(
        d ->
            modal
                .findElement(By.cssSelector(".bk-file-status"))
                .getText()
                .contains(proof.getFileName().toString()));
    modal.findElement(By.cssSelector(".modal-submit")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal")).isEmpty());

    JsonNode submission =
        new ObjectMapper().readTree(FormCodec.decodeFirst(rig.bot.payloads.get(1)).get("payload"));
    JsonNode file = submission.at("/view/state/values/proof/proof/files/0");
    assertThat(file.path("name").asText()).isEqualTo(proof.getFileName().toString());
    assertThat(file.path("size").asLong()).isEqualTo(Files.size(proof));
    HttpResponse<String> download =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(file.path("url_private_download").asText()))
                    .header("Authorization", "Bearer " + rig.slack.botToken())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(download.body()).isEqualTo("%PDF-1.4 proof of delivery");
    Files.delete(proof);
  }

  @Test
  void selectsChoicesAndPickersAreSubmittedAsSlackStateValues() throws Exception {
    browser.waitFor(d -> d.findElement(By.cssSelector("[data-action-id='dd_make_offer']"))).click();
    WebElement modal = browser.waitFor(d -> d.findElement(By.cssSelector(".modal")));
    new Select(modal.findElement(By.cssSelector("[data-block-id='kind'] select")))
        .selectByValue("PARTIAL");
    new Select(modal.findElement(By.cssSelector("[data-block-id='owner'] select")))
        .selectByVisibleText("Carol Chen");
    modal.findElement(By.cssSelector("[data-block-id='notify'] input[value='paypal']")).click();
    modal.findElement(By.cssSelector("[data-block-id='speed'] input[value='urgent']")).click();
    modal.findElement(By.cssSelector(".modal-submit")).click();
    browser.waitFor(d -> d.findElements(By.cssSelector(".modal")).isEmpty());

    JsonNode values =
        new ObjectMapper()
            .readTree(FormCodec.decodeFirst(rig.bot.payloads.get(1)).get("payload"))
            .at("/view/state/values");
    assertThat(values.at("/kind/kind/selected_option/value").asText()).isEqualTo("PARTIAL");
    assertThat(values.at("/owner/owner/selected_user").asText()).isEqualTo("U0A1B2C3N");
    assertThat(values.at("/notify/notify/selected_options/0/value").asText()).isEqualTo("paypal");
    assertThat(values.at("/speed/speed/selected_option/value").asText()).isEqualTo("urgent");
    assertThat(values.at("/due/due/selected_date").asText()).isEqualTo("2026-12-04");
    assertThat(values.at("/note/note/value").isNull()).isTrue();
  }

  @Test
  void confirmationDialogComesBeforeTheActionAndCancelSendsNothing() {
    browser
        .waitFor(d -> d.findElement(By.cssSelector("[data-action-id='dd_accept_claim']")))
        .click();
    WebElement dialog = browser.waitFor(d -> d.findElement(By.cssSelector(".bk-confirm")));
    assertThat(dialog.getText()).contains("Accept claim?").contains("Refund 23.00 USD?");
    dialog.findElement(By.cssSelector(".bk-confirm-no")).click();
    assertThat(rig.bot.actions).isEmpty();

    browser.driver.findElement(By.cssSelector("[data-action-id='dd_accept_claim']")).click();
    browser.waitFor(d -> d.findElement(By.cssSelector(".bk-confirm-yes"))).click();
    WebElement ephemeral = browser.waitFor(d -> d.findElement(By.cssSelector(".msg.ephemeral")));
    assertThat(ephemeral.getText())
        .contains("Only visible to you")
        .contains("Accepting the claim for PP-D-1");
    assertThat(ephemeral.findElement(By.cssSelector("a.link")).getAttribute("href"))
        .isEqualTo("https://example.com/x?a=1&b=2");
  }

  @Test
  void mrkdwnIsRenderedAsSlackDoesWithoutEverProducingMarkupFromText() {
    browser.waitFor(d -> d.findElement(By.cssSelector(".msg")));
    String[][] cases = {
      {"*bold* _it_ ~st~ `co*de*`", "<b>bold</b> <i>it</i> <s>st</s> <code>co*de*</code>"},
      {"*bold _and italic_ too*", "<b>bold <i>and italic</i> too</b>"},
      {"keep snake_case_names and 2*3*4", "keep snake_case_names and 2*3*4"},
      {
        "&lt;img src=x onerror=alert(1)&gt; &amp; <b>x</b>",
        "&lt;img src=x onerror=alert(1)&gt; &amp; bx/b"
      },
      {
        "<https://example.com/a_b_c?x=1&amp;y=2|see *this*>",
        "<a class=\"link\" href=\"https://example.com/a_b_c?x=1&amp;y=2\" target=\"_blank\" rel=\"noopener noreferrer\">see *this*</a>"
      },
      {"<javascript:alert(1)|click me>", "click me"},
      {
        "<@U0A1B2C3E> <@U0UNKNOWN|ghost> <!here> <#C0A1B2C3F>",
        "<span class=\"mention\">@Alice Archer</span> <span class=\"mention\">@ghost</span> "
            + "<span class=\"mention\">@here</span> <span class=\"mention\">#disputes</span>"
      },
      {
        "line one\n&gt; quoted *bit*\nafter",
        "line one<blockquote>quoted <b>bit</b></blockquote>after"
      },
      {":warning: due in 3h :no_such_emoji:", "\u26a0\ufe0f due in 3h :no_such_emoji:"},
      {"```<b>pre</b> *x*```", "<pre>&lt;b&gt;pre&lt;/b&gt; *x*</pre>"},
    };
    for (String[] c : cases) {
      Object html =
          browser.driver.executeScript(
              "var ctx = {users: {U0A1B2C3E: {name: 'Alice Archer'}}, channels: {C0A1B2C3F: 'disputes'}};"
                  + "return Mrkdwn.render(arguments[0], ctx).innerHTML;",
              c[0]);
      assertThat(html).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void slackDateTokensShowTheReadersOwnDayAndTime() {
    browser.waitFor(d -> d.findElement(By.cssSelector(".msg")));
    Object shown =
        browser.driver.executeScript(
            "var now = Math.floor(Date.now() / 1000) - 60; var d = new Date(now * 1000);"
                + "var hm = String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');"
                + "var text = Mrkdwn.render('Respond by <!date^' + now + '^{date_short_pretty} {time}|Thu 3 Dec 2026 21:40 UTC>',"
                + " {}).textContent; return [text, 'Respond by today ' + hm];");
    assertThat(shown).isInstanceOf(List.class);
    List<?> pair = (List<?>) shown;
    assertThat(pair.get(0)).isEqualTo(pair.get(1));
    Object far =
        browser.driver.executeScript(
            "return Mrkdwn.render('<!date^1795772814^{date_short}|27 Nov 2026>', {}).textContent;");
    assertThat((String) far).matches("Nov 2[67], 2026");
  }

  @Test
  void mentionsAreSentTheWaySlackSendsThem() {
    browser.waitFor(d -> d.findElement(By.cssSelector(".msg")));
    Object line =
        browser.driver.executeScript(
            "return Mentions.encode(arguments[0], [{id: 'U0A1B2C3E',"
                + " name: 'Alice Archer', handle: 'alice'}, {id: 'U0A1B2C3X', name: 'Al', handle: 'al'}]);",
            "assign PP-D-1 @Alice Archer, then @al and @alice. Not @Alicia or me@alice.com");
    assertThat(line)
        .isEqualTo(
            "assign PP-D-1 <@U0A1B2C3E|alice>, then <@U0A1B2C3X|al> and <@U0A1B2C3E|alice>."
                + " Not @Alicia or me@alice.com");
  }

  @Test
  void overflowMenuSendsTheChosenOption() {
    browser.waitFor(d -> d.findElement(By.cssSelector("[data-action-id='dd_more']"))).click();
    browser
        .waitFor(d -> d.findElement(By.cssSelector(".bk-menu-item[data-value='escalate']")))
        .click();

    browser.waitFor(d -> rig.bot.actions.contains("dd_more:escalate"));
  }

  @Test
  void slashCommandAndHomeTabShowWhatTheBotAnswered() {
    WebElement box = browser.waitFor(d -> d.findElement(By.id("command-box")));
    box.sendKeys("/disputes list due\n");
    WebElement reply = browser.waitFor(d -> d.findElement(By.cssSelector(".msg.ephemeral")));
    assertThat(reply.getText()).contains("You asked for list due");
    assertThat(reply.findElement(By.tagName("code")).getText()).isEqualTo("list due");

    browser.driver.findElement(By.id("nav-home")).click();
    WebElement home = browser.waitFor(d -> d.findElement(By.cssSelector("#home .bk-header")));
    assertThat(home.getText()).isEqualTo("Your queue");

    browser.driver.findElement(By.id("nav-channel")).click();
    browser.driver.findElement(By.id("command-box")).sendKeys("/disputes export\n");
    browser.waitFor(d -> d.findElement(By.id("timeline")).getText().contains("Export sent"));
    browser.driver.findElement(By.id("nav-home")).click();
    browser.driver.findElement(By.id("tab-messages")).click();
    WebElement file = browser.waitFor(d -> d.findElement(By.cssSelector("#dm .file-link")));
    assertThat(file.getText()).contains("Disputes export");
    assertThat(file.getAttribute("href")).contains("/console/api/file?id=");
  }
}
