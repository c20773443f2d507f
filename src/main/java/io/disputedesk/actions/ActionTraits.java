package io.disputedesk.actions;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the action service does with one kind's request, typed by the request: the money it moves
 * and the question asked before it moves, how it reads in a thread, how a re-read dispute shows
 * that it took effect, and whether a shipment can go to PayPal's tracking with it. Each {@link
 * ActionKind} holds one, so a new kind says all of it in its own descriptor.
 */
public final class ActionTraits<R extends ActionRequest> {
  /** The money the request moves to the buyer, seen against the dispute (nullable). */
  @FunctionalInterface
  public interface Amount<R> {
    Optional<Money> of(R request, Dispute dispute);
  }

  /** What the request says, briefly, moving {@code amount} (nullable). */
  @FunctionalInterface
  public interface Details<R> {
    String of(R request, Money amount);
  }

  /** The question asked before the request moves {@code money} (in words). */
  @FunctionalInterface
  public interface Question<R> {
    String of(R request, String money);
  }

  /**
   * How a dispute read after the call shows whether the request took effect ({@code amount}: the
   * money it moves, nullable; {@code since}: when its call began, less PayPal's clock skew).
   */
  @FunctionalInterface
  public interface Effect<R> {
    Finding judge(R request, Money amount, Instant since, Dispute after);
  }

  private final Class<R> type;
  private final Amount<? super R> amount;
  private final Predicate<? super R> free;
  private final Question<? super R> question;
  private final Details<? super R> details;
  private final Effect<? super R> effect;
  private final boolean addsTracking;

  private ActionTraits(
      Class<R> type,
      Amount<? super R> amount,
      Predicate<? super R> free,
      Question<? super R> question,
      Details<? super R> details,
      Effect<? super R> effect,
      boolean addsTracking) {
    this.type = Objects.requireNonNull(type, "type");
    this.amount = amount;
    this.free = Objects.requireNonNull(free, "free");
    this.question = question;
    this.details = details;
    this.effect = Objects.requireNonNull(effect, "effect");
    this.addsTracking = addsTracking;
  }

  /**
   * The traits of requests of {@code type}, until told otherwise: moving no money, described by the
   * kind's name, and offered once by PayPal, so that it did not happen while PayPal still offers it
   * and is unproven once it does not.
   */
  public static <R extends ActionRequest> ActionTraits<R> of(Class<R> type) {
    return new ActionTraits<>(type, null, r -> false, null, null, Effects::offeredOnce, false);
  }

  /**
   * The same, moving {@code amount} to the buyer, which can need a second approver, who is asked
   * {@code question}.
   */
  public ActionTraits<R> movesMoney(Amount<? super R> amount, Question<? super R> question) {
    return new ActionTraits<>(type, amount, free, question, details, effect, addsTracking);
  }

  /** The same, except that a request {@code free} says so moves no money after all. */
  public ActionTraits<R> freeWhen(Predicate<? super R> free) {
    return new ActionTraits<>(type, amount, free, question, details, effect, addsTracking);
  }

  /** The same, described by {@code details}. */
  public ActionTraits<R> details(Details<? super R> details) {
    return new ActionTraits<>(type, amount, free, question, details, effect, addsTracking);
  }

  /** The same, with its effect recognised by {@code effect}. */
  public ActionTraits<R> effect(Effect<? super R> effect) {
    return new ActionTraits<>(type, amount, free, question, details, effect, addsTracking);
  }

  /** The same, taking a shipment to add to PayPal's tracking once the request went through. */
  public ActionTraits<R> addsTracking() {
    return new ActionTraits<>(type, amount, free, question, details, effect, true);
  }

  Class<R> type() {
    return type;
  }

  boolean movesMoney() {
    return amount != null;
  }

  boolean movesMoney(ActionRequest request) {
    return amount != null && !free.test(type.cast(request));
  }

  Optional<Money> amount(ActionRequest request, Dispute dispute) {
    return amount == null ? Optional.empty() : amount.of(type.cast(request), dispute);
  }

  Optional<String> question(ActionRequest request, String money) {
    return question == null
        ? Optional.empty()
        : Optional.of(question.of(type.cast(request), money));
  }

  Optional<String> details(ActionRequest request, Money money) {
    return details == null ? Optional.empty() : Optional.of(details.of(type.cast(request), money));
  }

  boolean tracks() {
    return addsTracking;
  }

  Finding judge(ActionRequest request, Money amount, Instant since, Dispute after) {
    return effect.judge(type.cast(request), amount, since, after);
  }
}
