package io.disputedesk.dispute;

import io.disputedesk.paypal.DisputeReason;
import io.disputedesk.paypal.DisputeStatus;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.OutcomeCode;

/**
 * The enum names the store keeps as text, read back as the enums: none reads as null, a name we do
 * not know (PayPal added a value) as {@code UNKNOWN}, never as an error.
 */
public final class StoredNames {
  private StoredNames() {}

  public static DisputeReason reason(String stored) {
    return read(DisputeReason.class, stored, DisputeReason.UNKNOWN);
  }

  public static DisputeStatus status(String stored) {
    return read(DisputeStatus.class, stored, DisputeStatus.UNKNOWN);
  }

  public static LifecycleStage stage(String stored) {
    return read(LifecycleStage.class, stored, LifecycleStage.UNKNOWN);
  }

  public static OutcomeCode outcomeCode(String stored) {
    return read(OutcomeCode.class, stored, OutcomeCode.UNKNOWN);
  }

  private static <E extends Enum<E>> E read(Class<E> type, String stored, E unknown) {
    if (stored == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, stored);
    } catch (IllegalArgumentException e) {
      return unknown;
    }
  }
}
