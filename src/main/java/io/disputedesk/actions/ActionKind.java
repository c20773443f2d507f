package io.disputedesk.actions;

import io.disputedesk.auth.Role;
import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.Money;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the use cases need to know of a kind of PayPal action: its one name (on its button, its
 * modal's title, its thread reports and the audit), the role it needs, the request PayPal takes and
 * where it goes, the money it moves (which can need a second approver) and the question asked
 * first, how it reads in a thread, and how a re-read dispute shows it took effect. Agents talk to
 * the buyer and argue the case; only approvers may give money away (accept a claim, make an offer)
 * or appeal a decided case, which reopens it and can bring arbitration fees.
 *
 * <p>Each kind is one descriptor at the top, {@code slack.actions.CardAction}, which holds its
 * button and modal too; the composition root hands them to this layer as {@link ActionKinds}.
 */
public interface ActionKind {

  /** The PayPal action: its endpoint, link and the name the ledger stores. */
  DisputeAction action();

  /** The action's one name. */
  String title();

  /** The role a person needs to do it. */
  Role role();

  /** What it does with its request, typed by the request. */
  ActionTraits<?> traits();

  /** True when its amount can need a second approver. */
  default boolean movesMoney() {
    return traits().movesMoney();
  }

  /**
   * True when {@code request} (of this kind) moves money: a kind that moves money may have a form
   * that moves none (an offer of a replacement only).
   */
  default boolean movesMoney(ActionRequest request) {
    return traits().movesMoney(request);
  }

  /**
   * The money {@code request} (of this kind) moves to the buyer: the refund or offer amount, or for
   * a full refund what PayPal allows (falling back to the disputed amount). Empty when none moves.
   */
  default Optional<Money> amount(ActionRequest request, Dispute dispute) {
    return traits().amount(request, dispute);
  }

  /**
   * What {@code request} says, briefly: "full refund of 49.99 USD", the message excerpt, the
   * evidence types with their tracking numbers or refund ids, the return address when one is sent;
   * its name in lower case when the kind says no more.
   */
  default String details(ActionRequest request, Money amount) {
    return traits().details(request, amount).orElseGet(() -> title().toLowerCase(Locale.ROOT));
  }

  /**
   * What {@code request} says and sends, with the names of the files attached to it: "proof of
   * fulfillment (tracking 1Z99 with UPS); files pod.pdf".
   */
  default String details(ActionRequest request, Money amount, List<String> fileNames) {
    String what = details(request, amount);
    return fileNames == null || fileNames.isEmpty()
        ? what
        : what + "; " + (fileNames.size() == 1 ? "file " : "files ") + String.join(", ", fileNames);
  }

  /**
   * The question a confirmation asks before {@code request} moves {@code amount} (null: the
   * disputed amount): "Refund 23.00 USD to the buyer and close the case?"
   */
  default String consequence(ActionRequest request, Money amount) {
    String money = amount == null ? "the disputed amount" : amount.display();
    return traits().question(request, money).orElseGet(() -> title() + "?");
  }

  /** The request PayPal takes (and the action ledger stores). */
  default Class<? extends ActionRequest> requestType() {
    return traits().type();
  }

  /**
   * True when a shipment can go with it, added to PayPal's tracking once it went through
   * (evidence).
   */
  default boolean addsTracking() {
    return traits().tracks();
  }

  /**
   * What {@code after}, read since {@code since}, shows of {@code request} (of this kind, moving
   * {@code amount}, nullable).
   */
  default Finding judge(ActionRequest request, Money amount, Instant since, Dispute after) {
    return traits().judge(request, amount, since, after);
  }
}
