package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeReason;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words for PayPal's dispute reasons in filters: every word {@link FilterWords} reads as a
 * reason ({@code inr}, {@code not-received}, {@code merchandise-or-service-not-received}, ...), and
 * the one each is written as.
 */
final class ReasonWords {
  private static final Map<String, DisputeReason> READ = read();
  private static final Map<String, String> WORDS = words();

  private ReasonWords() {}

  /** True when {@code word} (lower case) names a reason. */
  static boolean isReason(String word) {
    return READ.containsKey(word);
  }

  /** The reason {@code word} (lower case) names, or null. */
  static DisputeReason reason(String word) {
    return READ.get(word);
  }

  /**
   * The word for a {@link DisputeReason} name, as people type it ({@code inr}, {@code snad}, {@code
   * credit}, ...); the others ({@code unauthorised}, {@code incorrect-amount}) and a name this
   * version does not know are written as their names.
   */
  static String word(String reason) {
    return WORDS.getOrDefault(reason, reason.toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** The word each reason is written as: the one people type for it. */
  private static Map<String, String> words() {
    Map<String, String> words =
        Map.of(
            "MERCHANDISE_OR_SERVICE_NOT_RECEIVED", "inr",
            "MERCHANDISE_OR_SERVICE_NOT_AS_DESCRIBED", "snad",
            "CREDIT_NOT_PROCESSED", "credit",
            "DUPLICATE_TRANSACTION", "duplicate",
            "PAYMENT_BY_OTHER_MEANS", "other-means",
            "CANCELED_RECURRING_BILLING", "recurring",
            "PROBLEM_WITH_REMITTANCE", "remittance");
    words.forEach(
        (reason, word) -> {
          if (READ.get(word) == null || !READ.get(word).name().equals(reason)) {
            throw new IllegalStateException(word + " does not read back as " + reason);
          }
        });
    return words;
  }

  private static Map<String, DisputeReason> read() {
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
