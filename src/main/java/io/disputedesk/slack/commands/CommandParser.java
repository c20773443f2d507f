package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.FilterException;
import io.disputedesk.dispute.FilterWords;
import io.disputedesk.slack.SearchWords;
import io.disputedesk.slack.commands.Command.Help;
import io.disputedesk.slack.commands.Command.Invalid;
import io.disputedesk.slack.commands.Command.Parsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text after {@code /disputes} into a {@link Command}. Never throws: input it cannot use
 * becomes {@link Invalid} (a one-line explanation and the usage line) or {@link Help}.
 */
public final class CommandParser {
  /**
   * Escaped Slack entities ({@code <@U1|bob>}, {@code <#C1|general>}) stay one token even with
   * spaces.
   */
  private static final Pattern TOKEN = Pattern.compile("<[^>]*>|\\S+");

  private static final Pattern DISPUTE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,63}");
  private static final Pattern HOURS = Pattern.compile("(\\d{1,5})h?", Pattern.CASE_INSENSITIVE);
  private static final int MAX_HOURS = 24 * 60;

  /** Search text shorter than this (and not a whole dispute id) would match too much. */
  static final int SEARCH_MIN = SearchWords.MIN;

  /** No id or name is longer; longer text is refused rather than cut. */
  static final int SEARCH_MAX = SearchWords.MAX;

  private static final String SEARCH_EXAMPLE = " For example `/disputes search jordan`.";

  private final ListFilters filters = new ListFilters();

  public Parsed parse(String text) {
    List<String> tokens = tokens(text == null ? "" : text.replace('\u00a0', ' '));
    boolean share = !tokens.isEmpty() && isShare(tokens.get(tokens.size() - 1));
    if (share) {
      tokens = tokens.subList(0, tokens.size() - 1);
    }
    Command command = command(tokens);
    if (share && command instanceof Command.Search) {
      // A search shows buyer names: it answers only the person who asked.
      return new Parsed(
          new Invalid(
              "Search answers only you: buyer names are personal data, so `share` is not offered.",
              Usage.SEARCH),
          false);
    }
    return new Parsed(command, share);
  }

  private Command command(List<String> tokens) {
    if (tokens.isEmpty()) {
      return new Help(null);
    }
    String sub = tokens.get(0).toLowerCase(Locale.ROOT);
    List<String> args = tokens.subList(1, tokens.size());
    return switch (sub) {
      case "help", "?" -> new Help(null);
      case "list", "ls" -> filters.parse(null, args, Usage.LIST);
      case "mine" -> filters.parse(DisputeView.MINE, args, Usage.MINE);
      case "unassigned" -> filters.parse(DisputeView.UNASSIGNED, args, Usage.UNASSIGNED);
      case "due" -> due(args);
      case "show" -> show(args);
      case "search", "find" -> search(args);
      case "assign" -> assign(args);
      case "unassign" -> unassign(args);
      case "stats" -> PeriodWords.stats(args);
      case "export" -> PeriodWords.export(args);
      case "report", "chart", "charts" -> PeriodWords.report(args);
      case "sync" -> noArguments(args, new Command.Sync(), Usage.SYNC);
      case "digest" -> noArguments(args, new Command.DigestPreview(), Usage.DIGEST);
      case "subscribe" -> subscribe(args);
      case "unsubscribe" -> unsubscribe(args);
      case "subscriptions", "routes" ->
          noArguments(args, new Command.Subscriptions(), Usage.SUBSCRIPTIONS);
      case "rules", "rule" -> new Command.Rules(List.copyOf(args));
      case "away" -> new Command.Away(List.copyOf(args));
      default -> new Help("I don't know the subcommand “" + quote(tokens.get(0)) + "”.");
    };
  }

  private Command due(List<String> args) {
    if (!args.isEmpty()) {
      Matcher m = HOURS.matcher(args.get(0));
      if (m.matches()) {
        int hours = Integer.parseInt(m.group(1));
        if (hours < 1 || hours > MAX_HOURS) {
          return new Invalid("The hours must be between 1 and " + MAX_HOURS + ".", Usage.DUE);
        }
        Command rest = filters.parse(DisputeView.DUE, args.subList(1, args.size()), Usage.DUE);
        return rest instanceof Command.ListDisputes l
            ? Command.ListDisputes.of(l.filter().withDueWithin(Duration.ofHours(hours)))
            : rest;
      }
      if (!filters.isFilterWord(args.get(0))) {
        return new Invalid(
            "“" + quote(args.get(0)) + "” is not a number of hours (e.g. 24).", Usage.DUE);
      }
    }
    return filters.parse(DisputeView.DUE, args, Usage.DUE);
  }

  /** The filter words of a route, and {@code backfill} anywhere among them. */
  private Command subscribe(List<String> args) {
    List<String> words = new ArrayList<>();
    boolean backfill = false;
    for (String a : args) {
      if (a.equalsIgnoreCase("backfill")) {
        backfill = true;
      } else {
        words.add(a);
      }
    }
    if (words.isEmpty()) {
      return new Invalid(
          "Which disputes should this channel follow? Give filter words like `chargeback 500 USD`,"
              + " `account:brand-b` or `everything`.",
          Usage.SUBSCRIBE);
    }
    try {
      return new Command.Subscribe(FilterWords.parse(words, null, FilterWords.Use.ROUTE), backfill);
    } catch (FilterException e) {
      return new Invalid(e.getMessage(), Usage.SUBSCRIBE);
    }
  }

  private Command unsubscribe(List<String> args) {
    if (args.size() == 1 && args.get(0).equalsIgnoreCase("all")) {
      return new Command.Unsubscribe(null, true);
    }
    if (args.isEmpty()) {
      return new Command.Unsubscribe(null, false);
    }
    try {
      return new Command.Unsubscribe(FilterWords.parse(args, null, FilterWords.Use.ROUTE), false);
    } catch (FilterException e) {
      return new Invalid(e.getMessage(), Usage.UNSUBSCRIBE);
    }
  }

  private Command show(List<String> args) {
    if (args.size() != 1) {
      return new Invalid(
          args.isEmpty() ? "Which dispute? Give its id." : "Show one dispute at a time.",
          Usage.SHOW);
    }
    String id = args.get(0);
    return isDisputeId(id) ? new Command.Show(id) : badId(id, Usage.SHOW);
  }

  private Command search(List<String> args) {
    String text = String.join(" ", args);
    if (text.isEmpty()) {
      return new Invalid(SearchWords.EMPTY + SEARCH_EXAMPLE, Usage.SEARCH);
    }
    if (text.length() > SEARCH_MAX) {
      return new Invalid(SearchWords.TOO_LONG, Usage.SEARCH);
    }
    if (text.length() < SEARCH_MIN && !isDisputeId(text)) {
      return new Invalid(
          "“"
              + quote(text)
              + "” is too short; give at least "
              + SEARCH_MIN
              + " characters."
              + SEARCH_EXAMPLE,
          Usage.SEARCH);
    }
    return new Command.Search(text);
  }

  private Command assign(List<String> args) {
    if (args.size() != 2) {
      return new Invalid("Give a dispute id and the person to assign it to.", Usage.ASSIGN);
    }
    String id = args.get(0);
    if (!isDisputeId(id)) {
      return badId(id, Usage.ASSIGN);
    }
    String who = args.get(1);
    Optional<String> user = PersonWords.userId(who);
    if (user.isPresent()) {
      return new Command.Assign(id, user.get());
    }
    return new Invalid(PersonWords.notAPerson(who), Usage.ASSIGN);
  }

  private Command unassign(List<String> args) {
    if (args.size() != 1) {
      return new Invalid(
          args.isEmpty() ? "Which dispute? Give its id." : "Unassign one dispute at a time.",
          Usage.UNASSIGN);
    }
    return isDisputeId(args.get(0))
        ? new Command.Unassign(args.get(0))
        : badId(args.get(0), Usage.UNASSIGN);
  }

  private static Command noArguments(List<String> args, Command command, String usage) {
    return args.isEmpty() ? command : new Invalid("This subcommand takes nothing after it.", usage);
  }

  static boolean isDisputeId(String token) {
    return DISPUTE_ID.matcher(token).matches();
  }

  private static Invalid badId(String token, String usage) {
    return new Invalid(
        "“" + quote(token) + "” is not a dispute id; they look like PP-D-4012.", usage);
  }

  private static boolean isShare(String token) {
    return token.equalsIgnoreCase("share") || token.equalsIgnoreCase("public");
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }

  /**
   * Echoes user input safely: short, and without characters Slack would turn into mentions or
   * links.
   */
  static String quote(String token) {
    String shown = token.length() > 40 ? token.substring(0, 39) + "…" : token;
    return shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
  }
}
