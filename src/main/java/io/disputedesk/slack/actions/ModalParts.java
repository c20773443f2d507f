package io.disputedesk.slack.actions;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.fileInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.Money;
import io.disputedesk.slack.Times;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit pieces the action modals share: the frame, the dispute summary and the common inputs.
 */
final class ModalParts {
  static final int TITLE_MAX = 24;

  private ModalParts() {}

  /** The modal of {@code action}: its callback id, titled with its kind's one name. */
  static View modal(CardAction action, String submit, String metadata, List<LayoutBlock> blocks) {
    return modal(action.viewId(), action.kind().title(), submit, metadata, blocks);
  }

  static View modal(
      String callbackId, String title, String submit, String metadata, List<LayoutBlock> blocks) {
    return view(
        v ->
            v.type("modal")
                .callbackId(callbackId)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(clip(title, TITLE_MAX))))
                .submit(viewSubmit(s -> s.type("plain_text").text(clip(submit, TITLE_MAX))))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }

  /** "*PP-D-123* · Item not received · 49.99 USD", buyer and deadline with its time of day. */
  static LayoutBlock summary(Dispute d) {
    StringBuilder text = new StringBuilder("*").append(d.disputeId()).append('*');
    if (d.reason() != null) {
      text.append(" · ").append(Words.reason(d.reason()));
    }
    if (d.disputeAmount() != null) {
      text.append(" · ").append(Words.money(d.disputeAmount()));
    }
    List<String> more = new ArrayList<>();
    d.firstTransaction()
        .map(Dispute.DisputedTransaction::buyer)
        .map(Dispute.Buyer::name)
        .ifPresent(name -> more.add("Buyer: " + escape(name)));
    if (d.sellerResponseDueDate() != null) {
      more.add("Respond by " + Times.dateTime(d.sellerResponseDueDate()));
    }
    if (!more.isEmpty()) {
      text.append('\n').append(String.join(" · ", more));
    }
    return section(s -> s.text(markdownText(text.toString())));
  }

  static LayoutBlock note(String text) {
    return context(List.of(markdownText(text)));
  }

  static LayoutBlock textInput(
      String block,
      String label,
      String hint,
      boolean multiline,
      boolean optional,
      String initial) {
    return textInput(
        block, label, hint, multiline, optional, initial, multiline ? Checks.NOTE_MAX : 255);
  }

  static LayoutBlock textInput(
      String block,
      String label,
      String hint,
      boolean multiline,
      boolean optional,
      String initial,
      int maxLength) {
    return input(
        i ->
            i.blockId(block)
                .label(plainText(label))
                .optional(optional)
                .hint(hint == null ? null : plainText(hint))
                .element(
                    plainTextInput(
                        p ->
                            p.actionId(block)
                                .multiline(multiline)
                                .maxLength(maxLength)
                                .initialValue(initial))));
  }

  /** A multi-line note of at most 2,000 characters, as PayPal allows. */
  static LayoutBlock noteInput(String block, String label, String hint, boolean optional) {
    return noteInput(block, label, hint, optional, null);
  }

  /**
   * As {@link #noteInput(String, String, String, boolean)}, showing {@code initial} (what was typed
   * before).
   */
  static LayoutBlock noteInput(
      String block, String label, String hint, boolean optional, String initial) {
    return textInput(block, label, hint + " 2,000 characters at most.", true, optional, initial);
  }

  static LayoutBlock select(
      String block,
      String label,
      List<OptionObject> options,
      OptionObject initial,
      boolean optional,
      String hint) {
    return select(block, label, options, initial, optional, hint, false);
  }

  /**
   * A menu; with {@code dispatch} Slack tells the bot as soon as a choice is made (the form then
   * shows the inputs PayPal needs for that choice).
   */
  static LayoutBlock select(
      String block,
      String label,
      List<OptionObject> options,
      OptionObject initial,
      boolean optional,
      String hint,
      boolean dispatch) {
    return input(
        i ->
            i.blockId(block)
                .label(plainText(label))
                .optional(optional)
                .dispatchAction(dispatch)
                .hint(hint == null ? null : plainText(hint))
                .element(
                    staticSelect(s -> s.actionId(block).options(options).initialOption(initial))));
  }

  /** The option of {@code options} whose value is {@code value}, or null. */
  static OptionObject find(List<OptionObject> options, String value) {
    return value == null
        ? null
        : options.stream().filter(o -> value.equals(o.getValue())).findFirst().orElse(null);
  }

  /** An option whose value is the enum name and whose text is its plain-words label. */
  static OptionObject choice(String value, String label) {
    return option(plainText(clip(label, 75)), value);
  }

  /** An optional input with one checkbox, ticked when {@code checked}. */
  static LayoutBlock checkbox(String block, String label, String text, boolean checked) {
    return checkbox(block, label, text, checked, null);
  }

  /** One optional checkbox with a hint under it (null for none). */
  static LayoutBlock checkbox(
      String block, String label, String text, boolean checked, String hint) {
    OptionObject only = option(plainText(clip(text, 75)), "yes");
    return input(
        i ->
            i.blockId(block)
                .label(plainText(label))
                .optional(true)
                .hint(hint == null ? null : plainText(clip(hint, 2000)))
                .element(
                    com.slack.api.model.block.element.BlockElements.checkboxes(
                        c ->
                            c.actionId(block)
                                .options(List.of(only))
                                .initialOptions(checked ? List.of(only) : null))));
  }

  static LayoutBlock filesInput(String label) {
    return input(
        i ->
            i.blockId(ModalFields.FILES)
                .label(plainText(label))
                .optional(true)
                .hint(plainText("JPG, GIF, PNG or PDF; each under 10 MB, under 50 MB together."))
                .element(
                    fileInput(
                        f ->
                            f.actionId(ModalFields.FILES)
                                .filetypes(
                                    List.copyOf(Checks.FILE_TYPES.stream().sorted().toList()))
                                .maxFiles(10))));
  }

  /**
   * The return-address inputs, each within PayPal's length limits, under {@code why}. Required ones
   * when the chosen answer always needs the address; optional when only some amounts need it
   * (checked on submission). {@code values} is what was typed before (a redrawn form).
   */
  static List<LayoutBlock> addressInputs(String why, boolean required, FormReader values) {
    boolean optional = !required;
    return List.of(
        note(":package: *Return address* — " + why),
        textInput(
            ModalFields.ADDRESS_LINE_1,
            "Street and number",
            null,
            false,
            optional,
            values.typed(ModalFields.ADDRESS_LINE_1),
            AddressForm.LINE_MAX),
        textInput(
            ModalFields.ADDRESS_LINE_2,
            "Address line 2",
            null,
            false,
            true,
            values.typed(ModalFields.ADDRESS_LINE_2),
            AddressForm.LINE_MAX),
        textInput(
            ModalFields.CITY,
            "City or town",
            null,
            false,
            optional,
            values.typed(ModalFields.CITY),
            AddressForm.CITY_MAX),
        textInput(
            ModalFields.REGION,
            "State, county or province",
            "Where the country uses one, e.g. CA.",
            false,
            true,
            values.typed(ModalFields.REGION),
            AddressForm.LINE_MAX),
        textInput(
            ModalFields.POSTAL_CODE,
            "Postal code",
            "Where the country uses one.",
            false,
            true,
            values.typed(ModalFields.POSTAL_CODE),
            AddressForm.POSTAL_MAX),
        textInput(
            ModalFields.COUNTRY,
            "Country code",
            "Two letters, e.g. US, GB or DE.",
            false,
            optional,
            values.typed(ModalFields.COUNTRY),
            2));
  }

  /** An amount as typed into an input: {@code 49.99}, {@code 2500} for JPY. */
  static String plain(Money money) {
    return money
        .value()
        .setScale(Money.scaleOf(money.currencyCode()), java.math.RoundingMode.DOWN)
        .toPlainString();
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
