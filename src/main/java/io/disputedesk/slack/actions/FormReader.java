package io.disputedesk.slack.actions;

import com.slack.api.model.File;
import com.slack.api.model.view.ViewState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a submitted modal's {@code state.values}: each input's block id doubles as its action id.
 */
final class FormReader {
  private final Map<String, Map<String, ViewState.Value>> values;

  FormReader(ViewState state) {
    this.values = state == null || state.getValues() == null ? Map.of() : state.getValues();
  }

  /** A form nothing was typed into yet. */
  static FormReader empty() {
    return new FormReader(null);
  }

  /**
   * The text as typed when the form showed this input before, else {@code fallback} (what the bot
   * knows), so that a pre-filled value appears once and a cleared input stays cleared.
   */
  String typedOr(String block, String fallback) {
    return values.containsKey(block) ? typed(block) : fallback;
  }

  /** True when the form showed this input before (an empty one included). */
  boolean has(String block) {
    return values.containsKey(block);
  }

  /** The text as typed, untouched, to show it again in a redrawn form; null when none. */
  String typed(String block) {
    return value(block).map(ViewState.Value::getValue).orElse(null);
  }

  /** The selected option's value and label, to select it again in a redrawn form. */
  Optional<ViewState.SelectedOption> option(String block) {
    return value(block).map(ViewState.Value::getSelectedOption);
  }

  /** Typed text, stripped; empty when blank or absent. */
  Optional<String> text(String block) {
    return value(block).map(ViewState.Value::getValue).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** Typed text as entered (only trailing whitespace removed), for notes and messages. */
  Optional<String> longText(String block) {
    return value(block)
        .map(ViewState.Value::getValue)
        .map(String::stripTrailing)
        .filter(s -> !s.isBlank());
  }

  Optional<String> selected(String block) {
    return value(block)
        .map(ViewState.Value::getSelectedOption)
        .map(ViewState.SelectedOption::getValue);
  }

  Optional<String> user(String block) {
    return value(block).map(ViewState.Value::getSelectedUser).filter(s -> !s.isBlank());
  }

  /** True when the checkbox input {@code block} has any option ticked. */
  boolean checked(String block) {
    return value(block)
        .map(ViewState.Value::getSelectedOptions)
        .map(l -> !l.isEmpty())
        .orElse(false);
  }

  /** A datepicker's day as Slack sends it ({@code 2026-12-03}); empty when none was picked. */
  Optional<String> date(String block) {
    return value(block).map(ViewState.Value::getSelectedDate).filter(s -> !s.isBlank());
  }

  /** A timepicker's time of day as Slack sends it ({@code 09:30}); empty when none was picked. */
  Optional<String> time(String block) {
    return value(block).map(ViewState.Value::getSelectedTime).filter(s -> !s.isBlank());
  }

  List<File> files(String block) {
    return value(block).map(ViewState.Value::getFiles).orElse(List.of());
  }

  private Optional<ViewState.Value> value(String block) {
    Map<String, ViewState.Value> inBlock = values.get(block);
    return inBlock == null ? Optional.empty() : Optional.ofNullable(inBlock.get(block));
  }
}
