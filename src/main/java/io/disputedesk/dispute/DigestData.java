package io.disputedesk.dispute;

import java.time.Instant;
import java.util.List;

/**
 * What a digest covering {@code (from, to]} says: new disputes, those due within the window,
 * unassigned open ones, those resolved in the period, the amount at risk and how many are overdue.
 */
public record DigestData(
    Instant from,
    Instant to,
    Section newSince,
    Section dueSoon,
    Section unassigned,
    Section resolved,
    List<CurrencyTotal> atRisk,
    long overdueNow) {

  public DigestData {
    atRisk = List.copyOf(atRisk);
  }

  /** The first lines of a section and how many there are in all. */
  public record Section(List<DisputeLine> lines, long total) {
    public Section {
      lines = List.copyOf(lines);
    }

    /** How many were left out of {@code lines}. */
    public long more() {
      return Math.max(0, total - lines.size());
    }
  }

  public long openNow() {
    return atRisk.stream().mapToLong(CurrencyTotal::count).sum();
  }

  public boolean isQuiet() {
    return newSince.total() == 0 && dueSoon.total() == 0 && resolved.total() == 0;
  }
}
