package io.disputedesk.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Why a health report is unhealthy, in words for operators; logged when the reasons change. */
final class HealthReasons {
  private static final Logger log = LoggerFactory.getLogger(HealthReasons.class);

  private List<String> lastLogged = List.of();

  /** The reasons a report is unhealthy; empty when it is healthy. */
  static List<String> of(HealthCheck.Report r) {
    List<String> reasons = new ArrayList<>();
    if (!r.databaseOk()) {
      reasons.add("the database does not answer");
    }
    if (!r.pollOk()) {
      String since =
          r.pollAgeSeconds().map(age -> "for " + age + " s").orElse("since the bot started");
      reasons.add(
          "no successful PayPal poll "
              + since
              + r.lastPollError().map(e -> " (last error: " + e + ")").orElse(""));
    }
    if (!r.slack().ok()) {
      reasons.add("Slack does not accept the bot token: " + r.slack().detail());
    }
    return reasons;
  }

  /** Logs the reasons when they differ from the ones logged last, and the recovery. */
  synchronized void note(List<String> reasons) {
    if (Objects.equals(reasons, lastLogged)) {
      return;
    }
    if (reasons.isEmpty()) {
      log.info("Healthy again");
    } else {
      log.warn("Unhealthy: {}", String.join("; ", reasons));
    }
    lastLogged = List.copyOf(reasons);
  }
}
