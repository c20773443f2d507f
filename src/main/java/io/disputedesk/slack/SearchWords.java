package io.disputedesk.slack;

/**
 * How a dispute search is bounded and what it says, the same for {@code /disputes search} and the
 * Home tab's search.
 */
public final class SearchWords {
  /** Text shorter than this would match too much. */
  public static final int MIN = 3;

  /** No id or name is longer; longer text is refused rather than cut. */
  public static final int MAX = 100;

  /** How much of a search text is echoed back (it may be up to {@link #MAX} characters). */
  private static final int ECHO_MAX = 60;

  /** What a search looks at, as the replies name it. */
  private static final String SEARCHED =
      "dispute ids, buyer names, transaction ids and invoice numbers";

  /** What is said when there is no text to search for (plain text). */
  public static final String EMPTY =
      "What should I look for? Give a buyer name, a dispute id, a transaction id or an invoice"
          + " number.";

  /** What is said when the text is longer than {@link #MAX} (plain text). */
  public static final String TOO_LONG =
      "That is too long to search for (over "
          + MAX
          + " characters); give part of a name or one id.";

  private SearchWords() {}

  /** The searched text as mrkdwn, escaped and cut: “jordan”. */
  public static String echo(String text) {
    return "“" + Mrkdwn.escapeAndCut(text, ECHO_MAX) + "”";
  }

  /** "2 disputes match" (plain text: no echo, for headers). */
  public static String count(long total) {
    return total + (total == 1 ? " dispute matches" : " disputes match");
  }

  /** "“jordan” in dispute ids, buyer names, transaction ids and invoice numbers · newest first". */
  public static String where(String text) {
    return echo(text) + " in " + SEARCHED + " · newest first";
  }

  /** What is said when nothing matches, in mrkdwn. */
  public static String noMatch(String text) {
    return "No dispute matches " + echo(text) + ". Search looks at " + SEARCHED + ".";
  }
}
