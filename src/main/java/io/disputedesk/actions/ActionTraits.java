package io.disputedesk.actions;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What the action service does with one kind's request, typed by the request: how a re-read dispute
 * shows that it took effect. Each {@link ActionKind} holds one, so a new kind says it in its own
 * entry.
 */
final class ActionTraits<R extends ActionRequest> {
  /**
   * How a dispute read after the call shows whether the request took effect ({@code amount}: the
   * money it moves, nullable; {@code since}: when its call began, less PayPal's clock skew).
   */
  @FunctionalInterface
  interface Effect<R> {
    Finding judge(R request, Money amount, Instant since, Dispute after);
  }

  private final Class<R> type;
  private final Effect<? super R> effect;
  private final boolean addsTracking;

  private ActionTraits(Class<R> type, Effect<? super R> effect, boolean addsTracking) {
    this.type = Objects.requireNonNull(type, "type");
    this.effect = Objects.requireNonNull(effect, "effect");
    this.addsTracking = addsTracking;
  }

  /**
   * The traits of requests of {@code type}, until told otherwise: an action PayPal offers once,
   * which did not happen while PayPal still offers it and is unproven once it does not.
   */
  static <R extends ActionRequest> ActionTraits<R> of(Class<R> type) {
    return new ActionTraits<>(type, Effects::offeredOnce, false);
  }

  /** The same, with its effect recognised by {@code effect}. */
  ActionTraits<R> effect(Effect<? super R> effect) {
    return new ActionTraits<>(type, effect, addsTracking);
  }

  /** The same, taking a shipment to add to PayPal's tracking once the request went through. */
  ActionTraits<R> addsTracking() {
    return new ActionTraits<>(type, effect, true);
  }

  Class<R> type() {
    return type;
  }

  boolean tracks() {
    return addsTracking;
  }

  Finding judge(ActionRequest request, Money amount, Instant since, Dispute after) {
    return effect.judge(type.cast(request), amount, since, after);
  }
}
