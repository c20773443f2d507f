package io.disputedesk.sim.slack;

import java.math.BigDecimal;
import java.util.Comparator;

/** Compares Slack timestamps numerically ({@code "1732700000"} and {@code "1732700000.000100"} both parse). */
final class Ts {
  static final Comparator<String> ORDER = Comparator.comparing(ts -> parse(ts, "invalid_arguments"));

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
