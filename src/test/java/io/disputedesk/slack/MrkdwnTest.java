package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MrkdwnTest {
  @Test
  void ampersandAndAngleBracketsAreEscapedSoNothingPingsOrLinks() {
    assertThat(Mrkdwn.escape("<!channel> & <@U1> <https://x.example|y>"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x.example|y&gt;");
    assertThat(Mrkdwn.escape(null)).isEmpty();
  }

  @Test
  void cutTextEndsWithAnEllipsisWithinTheLimit() {
    assertThat(Mrkdwn.cut("abcdef", 6)).isEqualTo("abcdef");
    assertThat(Mrkdwn.cut("abcdefg", 6)).isEqualTo("abcde…").hasSize(6);
  }

  @Test
  void cuttingNeverSplitsAnEntity() {
    String escaped = Mrkdwn.escape("ab&cd");
    for (int max = 2; max <= escaped.length(); max++) {
      String cut = Mrkdwn.cutEscaped(escaped, max);
      assertThat(cut.length()).isLessThanOrEqualTo(max);
      assertThat(cut.replace("…", ""))
          .satisfiesAnyOf(
              c -> assertThat(c).doesNotContain("&"), c -> assertThat(c).contains("&amp;"));
    }
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String emoji = "ab\uD83D\uDE00cd";
    assertThat(Mrkdwn.cut(emoji, 4)).isEqualTo("ab…");
    assertThat(Mrkdwn.cut(emoji, 5)).isEqualTo("ab\uD83D\uDE00…");
  }

  @Test
  void escapedAndCutRandomTextStaysWithinLimitsAndNeverShowsRawMarkup() {
    Random random = new Random(42);
    String alphabet = "<>&!@|abc \n\uD83D\uDE00";
    for (int i = 0; i < 2000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(60);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int max = 2 + random.nextInt(40);
      String out = Mrkdwn.escapeAndCut(sb.toString(), max);
      assertThat(out.length()).isLessThanOrEqualTo(max);
      assertThat(out).doesNotContain("<").doesNotContain(">");
      assertThat(out.replaceAll("&(amp|lt|gt);", "")).doesNotContain("&");
    }
  }

  @Test
  void sentencesEndWithOneStopEvenAfterAClosingQuote() {
    assertThat(Mrkdwn.endSentence("*Send message* by <@U1>: “We will refund you.”"))
        .isEqualTo("*Send message* by <@U1>: “We will refund you.”");
    assertThat(Mrkdwn.endSentence("full refund of 49.99 USD"))
        .isEqualTo("full refund of 49.99 USD.");
    assertThat(Mrkdwn.endSentence("“Is it here?”")).isEqualTo("“Is it here?”");
    assertThat(Mrkdwn.endSentence("“Sent today”")).isEqualTo("“Sent today”.");
  }
}
