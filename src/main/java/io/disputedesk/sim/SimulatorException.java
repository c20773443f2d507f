package io.disputedesk.sim;

/**
 * A driver call the simulator cannot carry out, such as an unknown dispute or a webhook that could
 * not be sent.
 */
public final class SimulatorException extends RuntimeException {
  public SimulatorException(String message) {
    super(message);
  }

  public SimulatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
