package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a channel's scope is every dispute (a shared report then names no scope). */
class DisputeScopeTest {
  private static final DisputeFilter EVERYTHING =
      FilterWords.parse("everything", FilterWords.Use.ROUTE);
  private static final DisputeFilter BRAND_B =
      FilterWords.parse("account:brand-b", FilterWords.Use.ROUTE);

  @Test
  void aChannelRoutedEverythingCoversEverythingAndOneRoutedAnAccountDoesNot() {
    assertThat(DisputeScope.everything().coversEverything()).isTrue();
    assertThat(new DisputeScope(List.of(EVERYTHING), false, List.of(EVERYTHING)).coversEverything())
        .isTrue();
    assertThat(new DisputeScope(List.of(BRAND_B), false, List.of(BRAND_B)).coversEverything())
        .isFalse();
    assertThat(new DisputeScope(List.of(), true, List.of(BRAND_B)).coversEverything()).isFalse();
  }
}
