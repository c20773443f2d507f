package io.disputedesk.sync;

import java.time.Instant;

/**
 * A dispute a poll could not read or store, waiting for its next try. Holds no buyer data: the id,
 * how often it failed, when it is tried again and the class of the last error.
 *
 * @param lastErrorClass e.g. {@code HTTP_500}, {@code HTTP_403}, {@code UNREADABLE}, {@code
 *     MISSING_AMOUNT}
 */
public record SetAside(
    String disputeId,
    int attempts,
    Instant nextTryAt,
    String lastErrorClass,
    Instant firstFailedAt) {}
