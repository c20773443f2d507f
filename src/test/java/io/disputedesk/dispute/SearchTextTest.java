package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SearchText}: how search folds text, the same for a dispute's fields and the query. */
class SearchTextTest {
  private static final List<String> SAMPLES =
      List.of(
          "MÜLLER GmbH",
          "ZOË Ďurić",
          "Straße Ølberg Łódź",
          "ΟΔΥΣΣΕΥΣ",
          "İstanbul ıșık",
          "ＫＡＴＯ 加藤 ｶﾀｶﾅ",
          "Иван ПЕТРОВ Ёлкин",
          "ﬁne ǅemal",
          "Œuvre Æsir Þór Đorđe",
          "がぎぐ");

  @Test
  void foldsCaseAccentsAndWidthsForAllOfUnicode() {
    assertThat(SearchText.fold("MÜLLER GmbH")).isEqualTo("muller gmbh");
    assertThat(SearchText.fold("ZOË Ďurić")).isEqualTo("zoe duric");
    assertThat(SearchText.fold("Straße Ølberg Łódź")).isEqualTo("strasse olberg lodz");
    assertThat(SearchText.fold("ΟΔΥΣΣΕΥΣ")).isEqualTo("οδυσσευσ");
    assertThat(SearchText.fold("İstanbul ıșık")).isEqualTo("istanbul isik");
    assertThat(SearchText.fold("ＫＡＴＯ ｶﾀｶﾅ")).isEqualTo("kato カタカナ");
    assertThat(SearchText.fold("Иван ПЕТРОВ Ёлкин")).isEqualTo("иван петров елкин");
    assertThat(SearchText.fold("ﬁne ǅemal")).isEqualTo("fine dzemal");
    assertThat(SearchText.fold("Œuvre Æsir Þór Đorđe")).isEqualTo("oeuvre aesir thor dorde");
  }

  @Test
  void marksThatMakeAnotherLetterAreKept() {
    // Japanese voicing marks are not accents: が is not か.
    assertThat(SearchText.fold("がぎぐ")).isEqualTo("がぎぐ");
    assertThat(SearchText.fold("がぎぐ")).doesNotContain("か");
  }

  @Test
  void foldingTwiceChangesNothing() {
    for (String sample : SAMPLES) {
      String once = SearchText.fold(sample);
      assertThat(SearchText.fold(once)).as(sample).isEqualTo(once);
    }
  }

  @Test
  void everyPartOfAWordFoldsToAPartOfTheFoldedWord() {
    for (String sample : SAMPLES) {
      String folded = SearchText.fold(sample);
      for (int from = 0; from < sample.length(); from++) {
        for (int to = from + 1; to <= sample.length(); to++) {
          if (Character.isLowSurrogate(sample.charAt(from))
              || Character.isHighSurrogate(sample.charAt(to - 1))) {
            continue;
          }
          String part = sample.substring(from, to);
          assertThat(folded).as("%s in %s", part, sample).contains(SearchText.fold(part));
        }
      }
    }
  }

  @Test
  void aDisputesTextHasItsFieldsOneALineAndNoFoldedTextHoldsALineBreak() {
    assertThat(SearchText.of(Arrays.asList("PP-D-1", "Zoë", null, "", "INV-7")))
        .isEqualTo("pp-d-1\nzoe\ninv-7");
    assertThat(SearchText.fold("two\nlines\tand\u0000nul")).isEqualTo("two lines and nul");
  }
}
