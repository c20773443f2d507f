package io.disputedesk.dispute;

import java.time.Instant;

/** Who owns a dispute, who made them owner, and when. */
public record Assignment(String disputeId, String userId, String assignedBy, Instant assignedAt) {}
