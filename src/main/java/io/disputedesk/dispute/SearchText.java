package io.disputedesk.dispute;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Text as the dispute search compares it, the same in Java for both databases (SQLite's {@code
 * lower()} folds ASCII only): case-folded for all of Unicode, accents dropped, NFKC-normalised, so
 * "muller" and "MÜLLER" both find "Müller", "zoe" finds "ZOË" and "strasse" finds "Straße".
 */
public final class SearchText {
  /**
   * Between two fields of a dispute's text; {@link #fold} makes every control character a space, so
   * no folded search text holds it and no match runs from one field into the next.
   */
  static final String FIELD_SEPARATOR = "\n";

  /** The accents Latin, Greek and Cyrillic letters decompose into (U+0300–U+036F). */
  private static final Pattern ACCENTS = Pattern.compile("[\\u0300-\\u036f]");

  private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");

  /** Letters that carry their accent within, so no decomposition drops it; and final sigma. */
  private static final String[][] LETTERS = {
    {"ø", "o"},
    {"ł", "l"},
    {"đ", "d"},
    {"ð", "d"},
    {"ħ", "h"},
    {"ŧ", "t"},
    {"æ", "ae"},
    {"œ", "oe"},
    {"þ", "th"},
    {"ς", "σ"}
  };

  private SearchText() {}

  /**
   * {@code text} as search compares it. Upper- then lower-casing (Locale.ROOT) folds what lower
   * alone leaves apart (ß and ss, ı and i); final sigma, which lower-casing picks by position, is
   * made a plain sigma, so a part of a word folds as it does inside the word.
   */
  public static String fold(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    s = ACCENTS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
    for (String[] letter : LETTERS) {
      s = s.replace(letter[0], letter[1]);
    }
    s = CONTROLS.matcher(s).replaceAll(" ");
    return Normalizer.normalize(s, Normalizer.Form.NFKC);
  }

  /**
   * A dispute's stored search text: each present field folded, one a line, in the order given
   * (blank fields left out).
   */
  static String of(List<String> fields) {
    return String.join(
        FIELD_SEPARATOR,
        fields.stream()
            .filter(Objects::nonNull)
            .map(SearchText::fold)
            .filter(f -> !f.isBlank())
            .toList());
  }
}
