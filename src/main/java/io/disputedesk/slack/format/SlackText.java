package io.disputedesk.slack.format;

import io.disputedesk.paypal.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** How disputes read in Slack mrkdwn: amounts, deadlines, reasons, statuses, mentions and links. */
public final class SlackText {
  private static final Map<String, String> REASONS = Map.ofEntries(
      Map.entry("MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "Not received"),
      Map.entry("MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED", "Not as described"),
      Map.entry("UNAUTHORISED", "Unauthorised"),
      Map.entry("CREDIT_NOT_PROCESSED", "Credit not processed"),
      Map.entry("DUPLICATE_TRANSACTION", "Duplicate"),
      Map.entry("INCORRECT_AMOUNT", "Incorrect amount"),
      Map.entry("PAYMENT_BY_OTHER_MEANS", "Paid by other means"),
      Map.entry("CANCELED_RECURRING_BILLING", "Cancelled subscription"),
      Map.entry("PROBLEM_WITH_REMITTANCE", "Remittance problem"),
      Map.entry("OTHER", "Other"));

  private static final Map<String, String> STATUSES = Map.of(
      "OPEN", "Open",
      "WAITING_FOR_BUYER_RESPONSE", "Waiting for buyer",
      "WAITING_FOR_SELLER_RESPONSE", "Waiting for us",
      "UNDER_REVIEW", "Under review",
      "RESOLVED", "Resolved",
      "OTHER", "Other");

  private static final Map<String, String> OUTCOMES = Map.of(
      "RESOLVED_BUYER_FAVOUR", "lost (buyer's favour)",
      "RESOLVED_SELLER_FAVOUR", "won (our favour)",
      "RESOLVED_WITH_PAYOUT", "PayPal paid the buyer",
      "CANCELED_BY_BUYER", "won (cancelled by buyer)",
      "ACCEPTED", "lost (claim accepted)",
      "DENIED", "won (claim denied)",
      "NONE", "no outcome");

  private SlackText() {}

  /** Escapes the three characters Slack mrkdwn gives meaning to. */
  public static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A link in mrkdwn; the label is escaped and may not contain {@code |}. */
  public static String link(String url, String label) {
    return "<" + url + "|" + escape(label).replace("|", "¦") + ">";
  }

  public static String mention(String userId) {
    return "<@" + userId + ">";
  }

  /** An amount in minor units as a person reads it: {@code 1234, USD} → {@code 12.34 USD}. */
  public static String money(Long minor, String currency) {
    if (minor == null || currency == null) {
      return "amount unknown";
    }
    return new Money(currency, BigDecimal.valueOf(minor, Money.scaleOf(currency))).display();
  }

  public static String reason(String reason) {
    return reason == null ? "Unknown reason" : REASONS.getOrDefault(reason, words(reason));
  }

  public static String status(String status) {
    return status == null ? "Unknown status" : STATUSES.getOrDefault(status, words(status));
  }

  public static String outcome(String outcomeCode) {
    return outcomeCode == null ? "no outcome yet" : OUTCOMES.getOrDefault(outcomeCode, words(outcomeCode));
  }

  /** {@code due in 2d 4h}, {@code due in 35m}, {@code overdue by 3h}, or {@code no deadline}. */
  public static String dueIn(Instant due, Instant now) {
    if (due == null) {
      return "no deadline";
    }
    Duration left = Duration.between(now, due);
    return left.isNegative() || left.isZero() ? "overdue by " + span(left.negated()) : "due in " + span(left);
  }

  /** A compact span: {@code 3d 4h}, {@code 5h 10m}, {@code 12m}. */
  public static String span(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return hours > 0 ? days + "d " + hours + "h" : days + "d";
    }
    if (hours > 0) {
      return mins > 0 ? hours + "h " + mins + "m" : hours + "h";
    }
    return mins + "m";
  }

  /** Cuts text to at most {@code max} characters, ending with an ellipsis when cut. */
  public static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return text.substring(0, max - 1) + "…";
  }

  private static String words(String enumName) {
    String s = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
