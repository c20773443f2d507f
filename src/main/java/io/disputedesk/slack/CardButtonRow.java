package io.disputedesk.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.dispute.Words;
import io.disputedesk.paypal.Dispute;
import java.util.ArrayList;
import java.util.List;

/** The action buttons row of a dispute's card, with the overflow menu for what does not fit. */
final class CardButtonRow {
  /** Action buttons shown before the rest goes into the overflow menu. */
  static final int VISIBLE_ELEMENTS = 6;

  /** A button or overflow option waiting to be placed. */
  private record Element(String actionId, String label, ObjectNode button, boolean movable) {}

  private final PayPalLinks links;
  private final List<CardButton> buttons;

  /** Whether the row offers Snooze (cards without snoozing do not). */
  private final boolean snoozing;

  CardButtonRow(PayPalLinks links, List<? extends CardButton> buttons, boolean snoozing) {
    this.links = links;
    this.buttons = List.copyOf(buttons);
    this.snoozing = snoozing;
  }

  /**
   * The row's buttons for {@code d} owned by {@code owner} (null: nobody), with Unsnooze instead of
   * Snooze when the dispute is {@code asleep}; empty for a closed case PayPal allows nothing on.
   */
  List<ObjectNode> draw(Dispute d, String owner, boolean asleep) {
    String id = d.disputeId();
    List<Element> elements = new ArrayList<>();
    for (CardButton a : buttons) {
      if (linked(a) && d.allows(a.kind().action())) {
        elements.add(paypalElement(a, d));
      }
    }
    if (d.isResolved()) {
      // A closed case keeps only what PayPal still allows (an appeal) and the way to PayPal.
      if (elements.isEmpty()) {
        return List.of();
      }
      List<ObjectNode> out = new ArrayList<>(elements.stream().map(Element::button).toList());
      out.add(openInPayPal(id));
      return out;
    }
    List<Element> extras = new ArrayList<>();
    if (owner == null) {
      elements.add(
          new Element(
              Ids.ASSIGN_ME,
              "Assign to me",
              BlockKit.button(Ids.ASSIGN_ME, "Assign to me", id),
              false));
    } else {
      elements.add(
          new Element(
              Ids.REASSIGN, "Reassign", BlockKit.button(Ids.REASSIGN, "Reassign", id), false));
      extras.add(
          new Element(
              Ids.UNASSIGN, "Unassign", BlockKit.button(Ids.UNASSIGN, "Unassign", id), true));
    }
    for (CardButton a : buttons) {
      if (!linked(a) && d.allows(a.kind().action())) {
        extras.add(paypalElement(a, d));
      }
    }
    if (snoozing) {
      String snooze = asleep ? Ids.UNSNOOZE : Ids.SNOOZE;
      String label = asleep ? "Unsnooze" : "Snooze";
      extras.add(new Element(snooze, label, BlockKit.button(snooze, label, id), true));
    }
    extras.add(
        new Element(Ids.REFRESH, "Refresh", BlockKit.button(Ids.REFRESH, "Refresh", id), true));
    return place(elements, extras, id);
  }

  /**
   * Shows up to {@link #VISIBLE_ELEMENTS} elements; the rest (never a confirmed action) overflow.
   */
  private List<ObjectNode> place(List<Element> main, List<Element> extras, String disputeId) {
    List<Element> visible = new ArrayList<>(main);
    List<Element> overflow = new ArrayList<>();
    // +1 for the Open in PayPal link button, always shown last.
    if (visible.size() + extras.size() + 1 > VISIBLE_ELEMENTS) {
      overflow.addAll(extras);
      for (int i = visible.size() - 1;
          i >= 0
              && visible.size() + 2 > VISIBLE_ELEMENTS
              && overflow.size() < BlockLimits.OVERFLOW_OPTIONS;
          i--) {
        if (visible.get(i).movable()) {
          overflow.add(0, visible.remove(i));
        }
      }
    } else {
      visible.addAll(extras);
    }
    List<ObjectNode> out = new ArrayList<>(visible.stream().map(Element::button).toList());
    out.add(openInPayPal(disputeId));
    if (overflow.size() == 1) {
      out.add(out.size() - 1, overflow.get(0).button());
    } else if (!overflow.isEmpty()) {
      out.add(
          BlockKit.overflow(
              Ids.MORE_ACTIONS,
              overflow.stream()
                  .map(
                      e ->
                          BlockKit.option(
                              e.label(),
                              Mrkdwn.cut(
                                  new OverflowChoice(e.actionId(), disputeId).value(),
                                  BlockLimits.OPTION_VALUE)))
                  .toList()));
    }
    return out;
  }

  /**
   * True when PayPal announces the action by a link, which the button follows; one that no link
   * announces (the partial update) sits with the card's tools while the case is open.
   */
  private static boolean linked(CardButton a) {
    return a.kind().action().isLinkGated();
  }

  /**
   * A PayPal action's button, labelled with the action's one name; one that asks first never moves
   * to the overflow menu.
   */
  private static Element paypalElement(CardButton a, Dispute d) {
    String label = a.kind().title();
    ObjectNode button = BlockKit.button(a.buttonId(), label, d.disputeId());
    if (a.style() != null) {
      button.put("style", a.style());
    }
    String max = d.maxRefund().map(Words::money).orElse(null);
    a.confirm()
        .ifPresent(
            c ->
                button.set(
                    "confirm",
                    BlockKit.confirm(c.title(), c.text().apply(max), "Continue", "Cancel")));
    return new Element(a.buttonId(), label, button, a.confirm().isEmpty());
  }

  private ObjectNode openInPayPal(String disputeId) {
    ObjectNode button = BlockKit.button(Ids.OPEN_IN_PAYPAL, "Open in PayPal", disputeId);
    button.put("url", links.dispute(disputeId));
    return button;
  }
}
