package io.disputedesk.slack.actions;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static io.disputedesk.slack.actions.ModalParts.choice;
import static io.disputedesk.slack.actions.ModalParts.modal;
import static io.disputedesk.slack.actions.ModalParts.note;
import static io.disputedesk.slack.actions.ModalParts.select;
import static io.disputedesk.slack.actions.ModalParts.summary;
import static io.disputedesk.slack.actions.ModalParts.textInput;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.actions.Snoozes;
import io.disputedesk.dispute.Snooze;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Snooze modal and what its submission asks for: until a day and time (UTC, as the form says;
 * the card and thread then show it in each reader's own zone), or until the buyer writes, and why.
 */
final class SnoozeForm {
  static final int REASON_MAX = 200;
  static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
  private static final List<OptionObject> MODES =
      List.of(
          choice(Snooze.Mode.UNTIL.name(), "Until a date"),
          choice(Snooze.Mode.BUYER.name(), "Until the buyer writes"));

  /** The submission: the request, or errors keyed by the inputs they are about. */
  record Answer(Snoozes.Request request, Map<String, String> errors) {}

  private SnoozeForm() {}

  /** The modal, the day after {@code now} at 09:00 UTC pre-filled. */
  static View view(Dispute d, String metadata, Instant now) {
    LocalDate tomorrow = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
    return modal(
        Ids.VIEW_SNOOZE,
        "Snooze dispute",
        "Snooze",
        metadata,
        List.of(
            summary(d),
            select(ModalFields.SNOOZE_MODE, "Snooze", MODES, MODES.get(0), false, null),
            input(
                i ->
                    i.blockId(ModalFields.SNOOZE_DATE)
                        .label(plainText("Until the day"))
                        .optional(true)
                        .hint(plainText("For a snooze until a date."))
                        .element(
                            datePicker(
                                p ->
                                    p.actionId(ModalFields.SNOOZE_DATE)
                                        .initialDate(tomorrow.toString())))),
            input(
                i ->
                    i.blockId(ModalFields.SNOOZE_TIME)
                        .label(plainText("At (UTC)"))
                        .optional(true)
                        .hint(plainText("The time of day in UTC; 09:00 UTC when empty."))
                        .element(
                            timePicker(
                                p ->
                                    p.actionId(ModalFields.SNOOZE_TIME)
                                        .initialTime(DEFAULT_TIME.toString())))),
            textInput(
                ModalFields.SNOOZE_REASON,
                "Why",
                "Optional; shown on the card and in the thread.",
                false,
                true,
                null,
                REASON_MAX),
            note(
                ":alarm_clock: A snoozed dispute leaves the due lists, the digest and the reminders until then."
                    + " A deadline within 24 hours wakes it anyway.")));
  }

  /** Reads the submitted form; the dispute's own checks ({@link Snoozes#problem}) come after. */
  static Answer read(FormReader form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Snooze.Mode mode = form.selected(ModalFields.SNOOZE_MODE).map(SnoozeForm::mode).orElse(null);
    if (mode == null) {
      errors.put(ModalFields.SNOOZE_MODE, "Pick how long to snooze.");
    }
    String reason = form.longText(ModalFields.SNOOZE_REASON).orElse(null);
    if (reason != null && reason.length() > REASON_MAX) {
      errors.put(ModalFields.SNOOZE_REASON, "Keep it under " + REASON_MAX + " characters.");
    }
    Instant until = null;
    if (mode == Snooze.Mode.UNTIL) {
      Optional<LocalDate> day = parse(form.date(ModalFields.SNOOZE_DATE), LocalDate::parse);
      Optional<LocalTime> time = parse(form.time(ModalFields.SNOOZE_TIME), LocalTime::parse);
      if (day.isEmpty()) {
        errors.put(ModalFields.SNOOZE_DATE, "Pick the day the snooze ends.");
      } else if (form.time(ModalFields.SNOOZE_TIME).isPresent() && time.isEmpty()) {
        errors.put(ModalFields.SNOOZE_TIME, "Pick a time of day such as 09:30.");
      } else {
        until = day.get().atTime(time.orElse(DEFAULT_TIME)).toInstant(ZoneOffset.UTC);
      }
    }
    return new Answer(errors.isEmpty() ? new Snoozes.Request(mode, until, reason) : null, errors);
  }

  /** The input an error about the dispute or the moment belongs on. */
  static String fieldFor(Snoozes.Request r) {
    return r.mode() == Snooze.Mode.UNTIL ? ModalFields.SNOOZE_DATE : ModalFields.SNOOZE_MODE;
  }

  private static Snooze.Mode mode(String value) {
    try {
      return Snooze.Mode.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> Optional<T> parse(Optional<String> text, Parser<T> parser) {
    try {
      return text.map(parser::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
