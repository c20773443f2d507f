package io.disputedesk.slack.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.MinAmount;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandParserTest {
  private final CommandParser parser = new CommandParser();

  private Command parse(String text) {
    return parser.parse(text).command();
  }

  private String explanation(String text) {
    Command c = parse(text);
    assertThat(c).as(text).isInstanceOf(Command.Invalid.class);
    return ((Command.Invalid) c).explanation();
  }

  @Test
  void emptyTextAndHelpGiveTheHelp() {
    assertThat(parse("")).isEqualTo(new Command.Help(null));
    assertThat(parse("   ")).isEqualTo(new Command.Help(null));
    assertThat(parse(null)).isEqualTo(new Command.Help(null));
    assertThat(parse("HELP")).isEqualTo(new Command.Help(null));
  }

  @Test
  void unknownSubcommandGivesTheHelpNamingIt() {
    assertThat(parse("frobnicate now"))
        .isEqualTo(new Command.Help("I don't know the subcommand “frobnicate”."));
  }

  @Test
  void listDefaultsToOpen() {
    assertThat(parse("list"))
        .isEqualTo(new Command.ListDisputes(DisputeView.OPEN, null, null, null));
  }

  @Test
  void listTakesViewReasonAndMinimumAmountInAnyOrder() {
    assertThat(parse("list inr due 100"))
        .isEqualTo(
            new Command.ListDisputes(
                DisputeView.DUE,
                "MERCHANDISE_OR_SERVICE_NOT_RECEIVED",
                new MinAmount(new BigDecimal("100"), null),
                null));
    assertThat(parse("list resolved snad 49.99 EUR"))
        .isEqualTo(
            new Command.ListDisputes(
                DisputeView.RESOLVED,
                "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
                new MinAmount(new BigDecimal("49.99"), "EUR"),
                null));
    assertThat(parse("list waiting-buyer unauthorized"))
        .isEqualTo(new Command.ListDisputes(DisputeView.WAITING_BUYER, "UNAUTHORISED", null, null));
    assertThat(parse("list unassigned $250"))
        .isEqualTo(
            new Command.ListDisputes(
                DisputeView.UNASSIGNED, null, new MinAmount(new BigDecimal("250"), "USD"), null));
    assertThat(parse("list 5000JPY"))
        .isEqualTo(
            new Command.ListDisputes(
                DisputeView.OPEN, null, new MinAmount(new BigDecimal("5000"), "JPY"), null));
    assertThat(parse("list due 48h"))
        .isEqualTo(new Command.ListDisputes(DisputeView.DUE, null, null, Duration.ofHours(48)));
  }

  @Test
  void listRejectsWordsItDoesNotKnow() {
    assertThat(explanation("list open zebra")).startsWith("I don't know the filter “zebra”");
    assertThat(explanation("list open resolved"))
        .isEqualTo("Pick one list: “resolved” conflicts with open.");
    assertThat(explanation("list 12abc"))
        .isEqualTo("“12abc” is not an amount; write it like 100 or 49.99 USD.");
    assertThat(explanation("list 1.2.3"))
        .isEqualTo("“1.2.3” is not an amount; write it like 100 or 49.99 USD.");
    assertThat(explanation("list $abc"))
        .isEqualTo("“$abc” is not an amount; write it like 100 or 49.99 USD.");
    assertThat(explanation("list open 24h"))
        .startsWith("A window like 24h only goes with the due list");
  }

  @Test
  void shortcutsAreListsOfTheirView() {
    assertThat(parse("mine"))
        .isEqualTo(new Command.ListDisputes(DisputeView.MINE, null, null, null));
    assertThat(parse("unassigned inr"))
        .isEqualTo(
            new Command.ListDisputes(
                DisputeView.UNASSIGNED, "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", null, null));
    assertThat(parse("due")).isEqualTo(new Command.ListDisputes(DisputeView.DUE, null, null, null));
    assertThat(parse("due 24"))
        .isEqualTo(new Command.ListDisputes(DisputeView.DUE, null, null, Duration.ofHours(24)));
    assertThat(parse("due 12h snad"))
        .isEqualTo(
            new Command.ListDisputes(
                DisputeView.DUE,
                "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED",
                null,
                Duration.ofHours(12)));
    assertThat(explanation("mine resolved"))
        .isEqualTo("Pick one list: “resolved” conflicts with mine.");
  }

  @Test
  void dueHoursMustBeANumberInRange() {
    assertThat(explanation("due soon")).isEqualTo("“soon” is not a number of hours (e.g. 24).");
    assertThat(explanation("due 0")).startsWith("The hours must be between 1 and");
    assertThat(explanation("due 99999")).startsWith("The hours must be between 1 and");
  }

  @Test
  void showTakesOneWellFormedId() {
    assertThat(parse("show PP-D-4012")).isEqualTo(new Command.Show("PP-D-4012"));
    assertThat(explanation("show PP_D!4012"))
        .isEqualTo("“PP_D!4012” is not a dispute id; they look like PP-D-4012.");
    assertThat(explanation("show")).isEqualTo("Which dispute? Give its id.");
    assertThat(explanation("show PP-D-1 PP-D-2")).isEqualTo("Show one dispute at a time.");
  }

  @Test
  void assignTakesAnIdAndAnEscapedUserMention() {
    assertThat(parse("assign PP-D-4012 <@U0A1B2C3M|bob>"))
        .isEqualTo(new Command.Assign("PP-D-4012", "U0A1B2C3M"));
    assertThat(parse("assign PP-D-4012 <@W0A1B2C3M>"))
        .isEqualTo(new Command.Assign("PP-D-4012", "W0A1B2C3M"));
    assertThat(parse("unassign PP-D-4012")).isEqualTo(new Command.Unassign("PP-D-4012"));
  }

  @Test
  void assignRejectsWhatIsNotAPerson() {
    assertThat(explanation("assign PP-D-1 <#C0A1B2C3F|disputes>"))
        .isEqualTo("“#disputes” is a channel, not a person; mention one person, like @alice.");
    assertThat(explanation("assign PP-D-1 <!subteam^S0A1B2C3P|@disputes-team>"))
        .isEqualTo("“@disputes-team” is a user group; assign the dispute to one person.");
    assertThat(explanation("assign PP-D-1 <!here>"))
        .isEqualTo("“@here” is not a person; mention one person, like @alice.");
    assertThat(explanation("assign PP-D-1 @nobody"))
        .startsWith("“@nobody” is not a Slack user I know; pick the person from the @ menu");
    assertThat(explanation("assign PP-D-1 bob"))
        .isEqualTo("“bob” is not a person; mention them with @, like @alice.");
    assertThat(explanation("assign PP-D-1"))
        .isEqualTo("Give a dispute id and the person to assign it to.");
    assertThat(explanation("assign no!pe <@U0A1B2C3M|bob>"))
        .isEqualTo("“no!pe” is not a dispute id; they look like PP-D-4012.");
  }

  @Test
  void statsAndExportTakeAPeriod() {
    assertThat(parse("stats")).isEqualTo(new Command.Stats(30));
    assertThat(parse("stats 7d")).isEqualTo(new Command.Stats(7));
    assertThat(parse("stats 90D")).isEqualTo(new Command.Stats(90));
    assertThat(explanation("stats 3w")).isEqualTo("“3w” is not a period; use 7d, 30d or 90d.");
    assertThat(parse("export")).isEqualTo(new Command.Export(30));
    assertThat(parse("export all")).isEqualTo(new Command.Export(null));
    assertThat(parse("export 90d")).isEqualTo(new Command.Export(90));
    assertThat(explanation("export forever"))
        .isEqualTo("“forever” is not a period; use 30d, 90d or all.");
  }

  @Test
  void syncAndDigestTakeNothing() {
    assertThat(parse("sync")).isEqualTo(new Command.Sync());
    assertThat(parse("digest")).isEqualTo(new Command.DigestPreview());
    assertThat(explanation("sync now please")).isEqualTo("This subcommand takes nothing after it.");
  }

  @Test
  void trailingShareOrPublicSharesTheAnswer() {
    assertThat(parser.parse("list open share"))
        .isEqualTo(
            new Command.Parsed(new Command.ListDisputes(DisputeView.OPEN, null, null, null), true));
    assertThat(parser.parse("stats 7d public").share()).isTrue();
    assertThat(parser.parse("stats 7d").share()).isFalse();
  }

  @Test
  void echoedInputCannotMentionOrLink() {
    assertThat(explanation("list <!channel>"))
        .isEqualTo(
            "I don't know the filter “&lt;!channel&gt;”; use a list name,"
                + " a reason (e.g. inr, snad, unauthorised), a stage (inquiry, claim, chargeback, pre-arbitration, arbitration), account:name, status:waiting-seller or an amount (100, 100-500 EUR).");
  }

  @Test
  void searchTakesTheRestOfTheTextAsTyped() {
    assertThat(parse("search  Jordan   Lee")).isEqualTo(new Command.Search("Jordan Lee"));
    assertThat(parse("FIND 8HJ77777KK")).isEqualTo(new Command.Search("8HJ77777KK"));
    assertThat(parse("search 100%_x")).isEqualTo(new Command.Search("100%_x"));
    assertThat(parse("search abc")).isEqualTo(new Command.Search("abc"));
    assertThat(parse("search " + "a".repeat(100))).isEqualTo(new Command.Search("a".repeat(100)));
  }

  @Test
  void searchRefusesNoTextTooShortTooLongAndShare() {
    assertThat(explanation("search")).startsWith("What should I look for?");
    assertThat(explanation("search ab")).startsWith("“ab” is too short");
    assertThat(explanation("search <b")).startsWith("“&lt;b” is too short");
    assertThat(explanation("search " + "a".repeat(101))).startsWith("That is too long");
    assertThat(explanation("search jordan share")).contains("`share` is not offered");
    assertThat(parser.parse("search jordan public").share()).isFalse();
  }
}
