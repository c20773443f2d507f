package io.disputedesk.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * What one poll did.
 *
 * @param ok false when PayPal (or the database) failed; the cursor then stayed where it was
 * @param firstRun an import of history into an empty database
 * @param listed distinct disputes PayPal listed
 * @param changed disputes new or newer than stored
 * @param detailsRead details calls made
 * @param pages list pages read
 * @param cursor the poll cursor after the poll (null when none yet)
 * @param error what failed, or null
 * @param setAside disputes this poll could not read or store: set aside and tried again by later
 *     polls
 */
public record PollResult(
    boolean ok,
    boolean firstRun,
    int listed,
    int changed,
    int detailsRead,
    int pages,
    Instant cursor,
    Duration took,
    String error,
    int setAside) {}
