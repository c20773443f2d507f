package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the filter words shared by {@code /disputes list}, routes in the config file and {@code
 * /disputes subscribe}: a list view ({@code open}, {@code resolved}, ...), reasons ({@code inr},
 * {@code snad}, ...), stages ({@code inquiry}, {@code claim}, {@code chargeback}, {@code
 * pre-arbitration}, {@code arbitration}), {@code account:<name>}, {@code status:<status>} and
 * amounts ({@code 100}, {@code 100-500 EUR}, {@code $250}, {@code JPY:70000}), in any order.
 */
public final class FilterWords {
  /** What the words are for: a list may use every word; a route follows only what a dispute is. */
  public enum Use {
    LIST,
    ROUTE
  }

  private static final Map<String, DisputeView> VIEWS =
      Map.of(
          "open", DisputeView.OPEN,
          "due", DisputeView.DUE,
          "mine", DisputeView.MINE,
          "unassigned", DisputeView.UNASSIGNED,
          "waiting-buyer", DisputeView.WAITING_BUYER,
          "waiting_buyer", DisputeView.WAITING_BUYER,
          "resolved", DisputeView.RESOLVED);
  private static final Set<DisputeView> LIST_ONLY =
      EnumSet.of(DisputeView.DUE, DisputeView.MINE, DisputeView.UNASSIGNED);
  private static final Map<String, FilterStage> STAGES = stages();
  private static final Map<String, DisputeStatus> STATUSES =
      Map.of(
          "open", DisputeStatus.OPEN,
          "waiting-buyer", DisputeStatus.WAITING_FOR_BUYER_RESPONSE,
          "waiting-seller", DisputeStatus.WAITING_FOR_SELLER_RESPONSE,
          "waiting-us", DisputeStatus.WAITING_FOR_SELLER_RESPONSE,
          "under-review", DisputeStatus.UNDER_REVIEW,
          "resolved", DisputeStatus.RESOLVED,
          "other", DisputeStatus.OTHER);
  private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final String NUMBER = "\\d{1,12}(?:\\.\\d{1,4})?";

  /**
   * {@code 100}, {@code 49.99}, {@code $100}, {@code 100USD}, {@code EUR50}, {@code USD:500-5000},
   * {@code 100-500}.
   */
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?:([A-Za-z]{3}):?|([$€£]))?(" + NUMBER + ")(?:-(" + NUMBER + "))?([A-Za-z]{3})?");

  private static final Pattern LOOKS_LIKE_AMOUNT =
      Pattern.compile("[$€£]?\\d.*|[$€£].*|[A-Za-z]{3}:?\\d.*");
  private static final Pattern WINDOW = Pattern.compile("(\\d{1,5})h", Pattern.CASE_INSENSITIVE);
  private static final int MAX_WINDOW_HOURS = 24 * 60;

  private FilterWords() {}

  /**
   * Parses the words; {@code fixed} is the view a subcommand implies (null for none). Throws {@link
   * FilterException} saying what is wrong with them.
   */
  public static DisputeFilter parse(List<String> words, DisputeView fixed, Use use) {
    DisputeView view = fixed;
    TreeSet<String> accounts = new TreeSet<>();
    TreeSet<String> reasons = new TreeSet<>();
    EnumSet<FilterStage> stages = EnumSet.noneOf(FilterStage.class);
    TreeSet<String> statuses = new TreeSet<>();
    List<AmountRange> amounts = new ArrayList<>();
    Duration window = null;
    for (int i = 0; i < words.size(); i++) {
      String token = words.get(i);
      String word = token.toLowerCase(Locale.ROOT);
      if (VIEWS.containsKey(word)) {
        DisputeView v = VIEWS.get(word);
        if (use == Use.ROUTE && LIST_ONLY.contains(v)) {
          throw new FilterException(
              "“"
                  + word
                  + "” only goes with lists: a route follows what a dispute is,"
                  + " not its deadline or owner.");
        }
        if (view != null) {
          throw new FilterException(
              "Pick one list: “" + quote(token) + "” conflicts with " + viewWord(view) + ".");
        }
        view = v;
      } else if (ReasonWords.isReason(word)) {
        reasons.add(ReasonWords.reason(word).name());
      } else if (STAGES.containsKey(word)) {
        stages.add(STAGES.get(word));
      } else if (word.startsWith("account:")) {
        String name = word.substring("account:".length());
        if (!ACCOUNT_NAME.matcher(name).matches()) {
          throw new FilterException(
              "“"
                  + quote(token)
                  + "” does not name an account; write account:<name>, like"
                  + " account:brand-a.");
        }
        accounts.add(name);
      } else if (word.startsWith("status:")) {
        DisputeStatus status = STATUSES.get(word.substring("status:".length()));
        if (status == null) {
          throw new FilterException(
              "“"
                  + quote(token)
                  + "” is not a status; use status: with "
                  + String.join(", ", new TreeSet<>(STATUSES.keySet()))
                  + ".");
        }
        statuses.add(status.name());
      } else if (WINDOW.matcher(token).matches()) {
        if (use == Use.ROUTE) {
          throw new FilterException("“" + quote(token) + "” only goes with the due list.");
        }
        int hours = Integer.parseInt(token.substring(0, token.length() - 1));
        if (hours < 1 || hours > MAX_WINDOW_HOURS) {
          throw new FilterException("The hours must be between 1 and " + MAX_WINDOW_HOURS + ".");
        }
        window = Duration.ofHours(hours);
      } else if (LOOKS_LIKE_AMOUNT.matcher(token).matches()) {
        String next = i + 1 < words.size() ? words.get(i + 1) : null;
        boolean currencyNext =
            next != null
                && isCurrency(next)
                && !ReasonWords.isReason(next.toLowerCase(Locale.ROOT));
        AmountRange range = amount(token, currencyNext ? next : null);
        if (range == null) {
          throw new FilterException(
              "“" + quote(token) + "” is not an amount; write it like 100 or 49.99 USD.");
        }
        if (amounts.stream().anyMatch(a -> Objects.equals(a.currency(), range.currency()))) {
          throw new FilterException(
              range.currency() == null
                  ? "Give one amount without a currency at most."
                  : "Give one amount per currency; " + range.currency() + " has two.");
        }
        amounts.add(range);
        if (currencyNext) {
          i++;
        }
      } else if (!(use == Use.ROUTE && (word.equals("everything") || word.equals("all")))) {
        throw new FilterException(
            "I don't know the filter “"
                + quote(token)
                + "”; use a list name, a reason"
                + " (e.g. inr, snad, unauthorised), a stage (inquiry, claim, chargeback, pre-arbitration, arbitration),"
                + " account:name, status:waiting-seller or an amount (100, 100-500 EUR).");
      }
    }
    if (window != null && view != null && view != DisputeView.DUE) {
      throw new FilterException(
          "A window like " + window.toHours() + "h only goes with the due list.");
    }
    return new DisputeFilter(view, accounts, reasons, stages, statuses, amounts, window);
  }

  /** Splits a line of words on white space and parses them. */
  public static DisputeFilter parse(String text, Use use) {
    String trimmed = text == null ? "" : text.trim();
    return parse(trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+")), null, use);
  }

  /** True for the words a filter may start with (so {@code due inr} is not read as hours). */
  public static boolean isFilterWord(String token) {
    String word = token.toLowerCase(Locale.ROOT);
    return VIEWS.containsKey(word)
        || ReasonWords.isReason(word)
        || STAGES.containsKey(word)
        || word.startsWith("account:")
        || word.startsWith("status:")
        || LOOKS_LIKE_AMOUNT.matcher(token).matches();
  }

  static String viewWord(DisputeView view) {
    return view.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The {@code status:} word for a {@link DisputeStatus} name. */
  static String statusWord(String status) {
    return switch (status) {
      case "WAITING_FOR_BUYER_RESPONSE" -> "waiting-buyer";
      case "WAITING_FOR_SELLER_RESPONSE" -> "waiting-seller";
      default -> status.toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }

  private static AmountRange amount(String token, String currencyToken) {
    Matcher m = AMOUNT.matcher(token);
    if (!m.matches() || (m.group(1) != null && m.group(5) != null)) {
      return null;
    }
    String code = m.group(1) != null ? m.group(1) : m.group(5) != null ? m.group(5) : currencyToken;
    if (code == null && m.group(2) != null) {
      code =
          switch (m.group(2)) {
            case "$" -> "USD";
            case "€" -> "EUR";
            default -> "GBP";
          };
    }
    if (code != null && !isCurrency(code)) {
      return null;
    }
    BigDecimal min = new BigDecimal(m.group(3));
    BigDecimal max = m.group(4) == null ? null : new BigDecimal(m.group(4));
    if (max != null && min.compareTo(max) > 0) {
      return null;
    }
    return new AmountRange(min, max, code == null ? null : code.toUpperCase(Locale.ROOT));
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

  /**
   * Up to 40 characters of what someone typed, for quoting it back, with markup characters made
   * harmless.
   */
  static String quote(String token) {
    String shown = token.length() > 40 ? token.substring(0, 39) + "…" : token;
    return shown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
  }

  private static Map<String, FilterStage> stages() {
    Map<String, FilterStage> m = new HashMap<>();
    for (FilterStage s : FilterStage.values()) {
      m.put(s.word(), s);
      m.put(s.word() + "s", s);
    }
    m.put("inquiries", FilterStage.INQUIRY);
    m.put("prearbitration", FilterStage.PRE_ARBITRATION);
    m.put("pre_arbitration", FilterStage.PRE_ARBITRATION);
    return Map.copyOf(m);
  }
}
