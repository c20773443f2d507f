package io.disputedesk.actions;

import io.disputedesk.paypal.ActionRequest;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.paypal.DisputeActions;
import io.disputedesk.paypal.Money;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of action the bot performs, built once by the composition root from the descriptors;
 * the use cases find a request's or a ledger row's kind here.
 */
public final class ActionKinds {
  private final List<ActionKind> kinds;
  private final Map<DisputeAction, ActionKind> byAction = new HashMap<>();
  private final DisputeActions actions;

  public ActionKinds(List<? extends ActionKind> kinds) {
    this.kinds = List.copyOf(kinds);
    Map<Class<?>, ActionKind> byType = new HashMap<>();
    for (ActionKind k : this.kinds) {
      if (k.requestType() == null || byType.putIfAbsent(k.requestType(), k) != null) {
        throw new IllegalArgumentException("two kinds take " + k.requestType());
      }
      byAction.put(k.action(), k);
    }
    this.actions = new DisputeActions(this.kinds.stream().map(ActionKind::action).toList());
  }

  /** The PayPal actions of these kinds, by the names the ledger stores. */
  public DisputeActions actions() {
    return actions;
  }

  /** The kind of PayPal's {@code action}. */
  public ActionKind of(DisputeAction action) {
    ActionKind kind = byAction.get(action);
    if (kind == null) {
      throw new IllegalArgumentException("no kind of action performs " + action);
    }
    return kind;
  }

  /** The kind of {@code request}. */
  public ActionKind of(ActionRequest request) {
    return of(request.action());
  }

  /** The action's one name: "Accept claim". */
  public String title(DisputeAction action) {
    return of(action).title();
  }

  /**
   * What {@code request} says and sends, with the names of the files attached to it: "proof of
   * fulfillment (tracking 1Z99 with UPS); files pod.pdf".
   */
  public String details(ActionRequest request, Money amount, List<String> fileNames) {
    return of(request).details(request, amount, fileNames);
  }

  /** What {@code request} says, briefly; see {@link ActionKind#details}. */
  public String details(ActionRequest request, Money amount) {
    return of(request).details(request, amount);
  }
}
