package io.disputedesk.paypal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link PayPalCallObserver} that records {@code operation:status} for each call. */
final class RecordingObserver implements PayPalCallObserver {
  final List<String> calls = new ArrayList<>();

  @Override
  public synchronized void onCall(String operation, int httpStatus, Duration took) {
    calls.add(operation + ":" + httpStatus);
  }
}
