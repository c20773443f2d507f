package io.disputedesk.config;

import java.util.Objects;

/** A credential that never shows its value in {@code toString()}, logs or messages. */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
  }

  /** The credential itself, for the one place that sends it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[****]";
  }
}
