package io.disputedesk.sim.slack;

import java.math.BigDecimal;

/**
 * Reads Slack timestamps as numbers ({@code "1732700000"} and {@code "1732700000.000100"} both
 * parse).
 */
final class Ts {
  private Ts() {}

  /** The timestamp as a number; {@code errorIfInvalid} when it is not one. */
  static BigDecimal parse(String ts, String errorIfInvalid) {
    try {
      return new BigDecimal(ts);
    } catch (NumberFormatException e) {
      throw new MethodError(errorIfInvalid);
    }
  }
}
