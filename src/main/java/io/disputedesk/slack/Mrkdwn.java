package io.disputedesk.slack;

import io.disputedesk.dispute.Words;

/**
 * Makes untrusted text (buyer messages, names, PayPal notes) safe to show in Slack mrkdwn and cuts
 * text to Block Kit limits.
 */
public final class Mrkdwn {
  static final String ELLIPSIS = "…";

  /** The longest entity {@link #escape} writes ({@code &amp;}). */
  private static final int LONGEST_ENTITY = 5;

  private Mrkdwn() {}

  /**
   * Escapes {@code &}, {@code <} and {@code >} as Slack asks, so that {@code <!channel>}, {@code
   * <@U…>} and {@code <url|label>} written by a buyer show as text and ping or link nobody.
   */
  public static String escape(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Escapes, then cuts to at most {@code max} characters without splitting an entity. */
  public static String escapeAndCut(String text, int max) {
    return cutEscaped(escape(text), max);
  }

  /**
   * Cuts already escaped mrkdwn to at most {@code max} characters, ending in an ellipsis when cut,
   * never inside an entity or a surrogate pair.
   */
  public static String cutEscaped(String mrkdwn, int max) {
    if (mrkdwn == null) {
      return "";
    }
    if (mrkdwn.length() <= max) {
      return mrkdwn;
    }
    int end = safeEnd(mrkdwn, max - ELLIPSIS.length());
    int amp = mrkdwn.lastIndexOf('&', end - 1);
    if (amp >= 0 && end - amp < LONGEST_ENTITY && mrkdwn.indexOf(';', amp) >= end) {
      end = amp;
    }
    return mrkdwn.substring(0, end) + ELLIPSIS;
  }

  /**
   * Cuts plain text (no markup) to at most {@code max} characters, ending in an ellipsis when cut.
   */
  public static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, safeEnd(text, max - ELLIPSIS.length())) + ELLIPSIS;
  }

  /** Quotes escaped mrkdwn as a block quote, line by line. */
  public static String quote(String mrkdwn) {
    return ">" + mrkdwn.replace("\n", "\n>");
  }

  /** The owner as a mention, or {@link Words#UNASSIGNED}. */
  public static String owner(String userId) {
    return userId == null ? Words.UNASSIGNED : mention(userId);
  }

  /** A mention of a user id ({@code U…}); Slack shows the person's name. */
  public static String mention(String userId) {
    return "<@" + userId + ">";
  }

  /** A link in mrkdwn; the label is escaped and may not contain {@code |}. */
  public static String link(String url, String label) {
    return "<" + url + "|" + escape(label).replace("|", "¦") + ">";
  }

  /**
   * Ends a sentence once: adds a full stop unless the text already ends with one (or with ? or !),
   * also inside closing quotes, so "…refund you.”" is not followed by a second stop.
   */
  public static String endSentence(String text) {
    String t = text.stripTrailing();
    int end = t.length();
    while (end > 0 && "”’\"')".indexOf(t.charAt(end - 1)) >= 0) {
      end--;
    }
    return end > 0 && ".!?…".indexOf(t.charAt(end - 1)) >= 0 ? t : t + ".";
  }

  private static int safeEnd(String s, int end) {
    int e = Math.max(0, end);
    if (e > 0 && Character.isHighSurrogate(s.charAt(e - 1))) {
      e--;
    }
    return e;
  }
}
