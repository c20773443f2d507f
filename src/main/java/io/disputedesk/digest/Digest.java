package io.disputedesk.digest;

import io.disputedesk.dispute.DigestData;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One channel's digest of a local day, as of {@code now}: its figures and lines, and the evidence
 * drafts waiting to be sent ({@code unsentDrafts}: dispute id → count).
 */
public record Digest(
    DigestData data, LocalDate date, Instant now, Map<String, Integer> unsentDrafts) {
  public Digest {
    unsentDrafts = Map.copyOf(unsentDrafts);
  }
}
