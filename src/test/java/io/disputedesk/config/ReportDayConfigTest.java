package io.disputedesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code REPORT_DAY}: the weekday of the weekly report, Monday unless set. */
class ReportDayConfigTest {
  private static Config load(String reportDay) {
    Map<String, String> env = ConfigLoaderTest.valid();
    if (reportDay != null) {
      env.put("REPORT_DAY", reportDay);
    }
    return ConfigLoader.load(ConfigSource.of(env));
  }

  @Test
  void mondayUnlessSetAndAcceptsFullOrShortNamesInAnyCase() {
    assertThat(load(null).schedule().reportDay()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(load("FRIDAY").schedule().reportDay()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(load("Wednesday").schedule().reportDay()).isEqualTo(DayOfWeek.WEDNESDAY);
    assertThat(load("sun").schedule().reportDay()).isEqualTo(DayOfWeek.SUNDAY);
  }

  @Test
  void anythingElseIsExplained() {
    assertThatThrownBy(() -> load("payday"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.getMessage())
                    .contains(
                        "REPORT_DAY must be a day of the week such as MONDAY or FRIDAY",
                        "(got \"payday\")"));
    assertThatThrownBy(() -> load("mo")).isInstanceOf(ConfigException.class);
  }
}
