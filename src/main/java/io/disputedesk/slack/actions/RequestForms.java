package io.disputedesk.slack.actions;

import com.slack.api.model.File;
import io.disputedesk.paypal.ActionRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every action form's reader shares: the chosen option as an enum value, the request or the
 * rule it broke, and errors gathered per input.
 */
final class RequestForms {
  private RequestForms() {}

  /** The selected option as an enum value; must be one of {@code allowed} unless that is empty. */
  static <E extends Enum<E>> E choice(
      FormReader form, String block, Class<E> type, List<E> allowed, Map<String, String> errors) {
    Optional<String> selected = form.selected(block);
    if (selected.isEmpty()) {
      return null;
    }
    try {
      E value = Enum.valueOf(type, selected.get());
      if (value.name().equals("UNKNOWN") || (!allowed.isEmpty() && !allowed.contains(value))) {
        errors.put(block, "PayPal does not allow this option on the dispute any more.");
        return null;
      }
      return value;
    } catch (IllegalArgumentException e) {
      errors.put(block, "Pick one of the options.");
      return null;
    }
  }

  /** The one of {@code offered} selected on {@code block}, if any (a menu that redraws a form). */
  static <E extends Enum<E>> Optional<E> selected(FormReader form, String block, List<E> offered) {
    return form.selected(block)
        .flatMap(name -> offered.stream().filter(t -> t.name().equals(name)).findFirst());
  }

  /** The note typed on the form, checked; its error, if any, goes on the note input. */
  static Optional<String> note(
      FormReader form, Map<String, String> errors, boolean required, String what) {
    Optional<String> note = form.longText(ModalFields.NOTE);
    put(errors, ModalFields.NOTE, Checks.note(note, required, what));
    return note;
  }

  interface RequestMaker {
    ActionRequest make();
  }

  /**
   * The request, or the rule it broke shown on {@code block} (the record checks PayPal's schema).
   */
  static FormResult build(String block, RequestMaker maker, List<File> files) {
    try {
      return new FormResult.Valid(maker.make(), files);
    } catch (IllegalArgumentException e) {
      return new FormResult.Invalid(
          Map.of(block, "PayPal would not accept this: " + e.getMessage() + "."));
    }
  }

  static void put(Map<String, String> errors, String block, String error) {
    if (error != null) {
      errors.put(block, error);
    }
  }
}
