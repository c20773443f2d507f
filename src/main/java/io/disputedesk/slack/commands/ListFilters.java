package io.disputedesk.slack.commands;

import io.disputedesk.dispute.DisputeView;
import io.disputedesk.dispute.MinAmount;
import io.disputedesk.paypal.DisputeReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the filter words of a list: a view, a reason, a minimum amount and a due window ({@code 48h}). */
final class ListFilters {
  private static final Map<String, DisputeView> VIEWS = Map.of(
      "open", DisputeView.OPEN,
      "due", DisputeView.DUE,
      "mine", DisputeView.MINE,
      "unassigned", DisputeView.UNASSIGNED,
      "waiting-buyer", DisputeView.WAITING_BUYER,
      "waiting_buyer", DisputeView.WAITING_BUYER,
      "resolved", DisputeView.RESOLVED);

  private static final Map<String, DisputeReason> REASONS = reasons();

  /** {@code 100}, {@code 49.99}, {@code $100}, {@code 100USD}, {@code EUR50}. */
  private static final Pattern AMOUNT =
      Pattern.compile("(?:([A-Za-z]{3})|[$€£])?(\\d{1,12}(?:\\.\\d{1,4})?)([A-Za-z]{3})?");
  private static final Pattern LOOKS_LIKE_AMOUNT = Pattern.compile("[$€£]?\\d.*|[$€£].*|[A-Za-z]{3}\\d.*");
  private static final Pattern WINDOW = Pattern.compile("(\\d{1,5})h", Pattern.CASE_INSENSITIVE);

  /** Parses the words after the subcommand; {@code fixed} is the view the subcommand implies, if any. */
  Command parse(DisputeView fixed, List<String> args, String usage) {
    DisputeView view = fixed;
    String reason = null;
    MinAmount min = null;
    Duration window = null;
    for (int i = 0; i < args.size(); i++) {
      String token = args.get(i);
      String word = token.toLowerCase(Locale.ROOT);
      if (VIEWS.containsKey(word)) {
        if (view != null) {
          return new Command.Invalid("Pick one list: “" + CommandParser.quote(token) + "” conflicts with "
              + name(view) + ".", usage);
        }
        view = VIEWS.get(word);
      } else if (REASONS.containsKey(word)) {
        if (reason != null) {
          return new Command.Invalid("Give one reason at most.", usage);
        }
        reason = REASONS.get(word).name();
      } else if (WINDOW.matcher(token).matches()) {
        int hours = Integer.parseInt(token.substring(0, token.length() - 1));
        if (hours < 1 || hours > 24 * 60) {
          return new Command.Invalid("The hours must be between 1 and " + 24 * 60 + ".", usage);
        }
        window = Duration.ofHours(hours);
      } else if (LOOKS_LIKE_AMOUNT.matcher(token).matches()) {
        if (min != null) {
          return new Command.Invalid("Give one minimum amount at most.", usage);
        }
        String next = i + 1 < args.size() ? args.get(i + 1) : null;
        boolean currencyNext = next != null && isCurrency(next) && !REASONS.containsKey(next.toLowerCase(Locale.ROOT));
        min = amount(token, currencyNext ? next : null);
        if (min == null) {
          return new Command.Invalid("“" + CommandParser.quote(token) + "” is not an amount; write it like 100 or 49.99 USD.", usage);
        }
        if (currencyNext) {
          i++;
        }
      } else {
        return new Command.Invalid("I don't know the filter “" + CommandParser.quote(token)
            + "”; use a list name, a reason (e.g. inr, snad, unauthorised) or a minimum amount.", usage);
      }
    }
    if (window != null && view != null && view != DisputeView.DUE) {
      return new Command.Invalid("A window like " + window.toHours() + "h only goes with the due list.", usage);
    }
    return new Command.ListDisputes(view == null ? DisputeView.OPEN : view, reason, min, window);
  }

  /** True for the words a filter list may start with (so {@code due inr} is not read as hours). */
  boolean isFilterWord(String token) {
    String word = token.toLowerCase(Locale.ROOT);
    return VIEWS.containsKey(word) || REASONS.containsKey(word) || LOOKS_LIKE_AMOUNT.matcher(token).matches();
  }

  private static MinAmount amount(String token, String currencyToken) {
    Matcher m = AMOUNT.matcher(token);
    if (!m.matches() || (m.group(1) != null && m.group(3) != null)) {
      return null;
    }
    String code = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : currencyToken;
    if (token.startsWith("$") && code == null) {
      code = "USD";
    } else if (token.startsWith("€") && code == null) {
      code = "EUR";
    } else if (token.startsWith("£") && code == null) {
      code = "GBP";
    }
    if (code != null && !isCurrency(code)) {
      return null;
    }
    return new MinAmount(new BigDecimal(m.group(2)), code == null ? null : code.toUpperCase(Locale.ROOT));
  }

  private static boolean isCurrency(String token) {
    if (token.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(token.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String name(DisputeView view) {
    return view.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Map<String, DisputeReason> reasons() {
    Map<String, DisputeReason> m = new HashMap<>();
    for (DisputeReason r : DisputeReason.values()) {
      if (r != DisputeReason.UNKNOWN) {
        m.put(r.name().toLowerCase(Locale.ROOT), r);
        m.put(r.name().toLowerCase(Locale.ROOT).replace('_', '-'), r);
      }
    }
    for (String alias : List.of("inr", "not-received", "item-not-received")) {
      m.put(alias, DisputeReason.MERCHANDISE_OR_SERVICE_NOT_RECEIVED);
    }
    for (String alias : List.of("snad", "not-as-described")) {
      m.put(alias, DisputeReason.MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED);
    }
    for (String alias : List.of("unauthorized", "fraud")) {
      m.put(alias, DisputeReason.UNAUTHORISED);
    }
    m.put("credit", DisputeReason.CREDIT_NOT_PROCESSED);
    m.put("duplicate", DisputeReason.DUPLICATE_TRANSACTION);
    m.put("incorrect-amount", DisputeReason.INCORRECT_AMOUNT);
    m.put("other-means", DisputeReason.PAYMENT_BY_OTHER_MEANS);
    m.put("recurring", DisputeReason.CANCELED_RECURRING_BILLING);
    m.put("remittance", DisputeReason.PROBLEM_WITH_REMITTANCE);
    return Map.copyOf(m);
  }
}
