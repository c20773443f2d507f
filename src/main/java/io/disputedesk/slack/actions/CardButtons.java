package io.disputedesk.slack.actions;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.auth.Role;
import io.disputedesk.paypal.DisputeAction;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Ids;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons on a dispute card. Buttons for PayPal actions check the role and the link, then open
 * their modal at once with the click's trigger id and ack; the rest (assign, refresh) ack first and
 * do their work on the executor. A refusal is a private note to the person who clicked.
 */
final class CardButtons {
  private static final Logger log = LoggerFactory.getLogger(CardButtons.class);
  static final Map<String, DisputeAction> MODAL_ACTIONS = Map.of(
      Ids.ACCEPT_CLAIM, DisputeAction.ACCEPT_CLAIM,
      Ids.MAKE_OFFER, DisputeAction.MAKE_OFFER,
      Ids.SEND_MESSAGE, DisputeAction.SEND_MESSAGE,
      Ids.PROVIDE_EVIDENCE, DisputeAction.PROVIDE_EVIDENCE,
      Ids.ESCALATE, DisputeAction.ESCALATE,
      Ids.ACKNOWLEDGE_RETURN, DisputeAction.ACKNOWLEDGE_RETURN_ITEM,
      Ids.APPEAL, DisputeAction.APPEAL,
      Ids.SUPPORTING_INFO, DisputeAction.PROVIDE_SUPPORTING_INFO);

  private final ActionService service;
  private final Assignments assignments;
  private final ModalBuilder modals;
  private final CardStore cards;
  private final Notices notices;
  private final Executor executor;
  private final String defaultChannel;

  CardButtons(ActionService service, Assignments assignments, ModalBuilder modals, CardStore cards, Notices notices,
      Executor executor, String defaultChannel) {
    this.service = service;
    this.assignments = assignments;
    this.modals = modals;
    this.cards = cards;
    this.notices = notices;
    this.executor = executor;
    this.defaultChannel = defaultChannel;
  }

  void register(App app) {
    MODAL_ACTIONS.forEach((id, kind) -> app.blockAction(id, (req, ctx) -> openAction(req.getPayload(), ctx, kind)));
    app.blockAction(Ids.REASSIGN, (req, ctx) -> openReassign(req.getPayload(), ctx));
    app.blockAction(Ids.ASSIGN_ME, (req, ctx) -> later(req.getPayload(), ctx,
        c -> assignments.assign(c.value(), c.userId(), c.userId(), c.intentKey())));
    app.blockAction(Ids.UNASSIGN, (req, ctx) -> later(req.getPayload(), ctx,
        c -> assignments.unassign(c.value(), c.userId(), c.intentKey())));
    app.blockAction(Ids.REFRESH, (req, ctx) -> later(req.getPayload(), ctx, c -> service.refresh(c.value(), c.userId())));
    // A URL button still sends a click; answering keeps Slack from showing a warning.
    app.blockAction(Ids.OPEN_IN_PAYPAL, (req, ctx) -> ctx.ack());
  }

  private Response openAction(BlockActionPayload payload, ActionContext ctx, DisputeAction kind) {
    Click click = Click.of(payload, cards, defaultChannel);
    if (click.value() == null) {
      return ctx.ack();
    }
    Verdict verdict = service.gate().check(click.userId(), click.value(), kind);
    if (!verdict.allowed()) {
      refuse(click, verdict);
      return ctx.ack();
    }
    ModalContext context = new ModalContext(click.value(), click.channel(), click.messageTs(),
        verdict.dispute().dispute().updateTime());
    open(ctx, click, modals.forAction(kind, verdict.dispute().dispute(), context));
    return ctx.ack();
  }

  private Response openReassign(BlockActionPayload payload, ActionContext ctx) {
    Click click = Click.of(payload, cards, defaultChannel);
    if (click.value() == null) {
      return ctx.ack();
    }
    Verdict verdict = service.gate().checkRole(click.userId(), click.value(), Role.AGENT, "ASSIGN", "Reassign");
    if (!verdict.allowed()) {
      refuse(click, verdict);
      return ctx.ack();
    }
    ModalContext context = new ModalContext(click.value(), click.channel(), click.messageTs(),
        verdict.dispute().dispute().updateTime());
    open(ctx, click, modals.reassign(verdict.dispute().dispute(), context, verdict.dispute().ownerUserId()));
    return ctx.ack();
  }

  /** Opens the modal inline: the trigger id expires three seconds after the click. */
  private void open(ActionContext ctx, Click click, View view) {
    String problem;
    try {
      ViewsOpenResponse response = ctx.client().viewsOpen(r -> r.triggerId(click.triggerId()).view(view));
      if (response.isOk()) {
        return;
      }
      problem = response.getError();
    } catch (IOException | SlackApiException e) {
      problem = e.getMessage();
    }
    log.warn("Slack did not open the {} form for {}: {}", click.actionId(), click.value(), problem);
    String reason = problem;
    executor.execute(() -> notices.tell(click.channel(), click.userId(),
        "Slack did not open the form (" + reason + "). Please click the button again."));
  }

  private interface Step {
    ActionOutcome run(Click click);
  }

  private Response later(BlockActionPayload payload, ActionContext ctx, Step step) {
    Click click = Click.of(payload, cards, defaultChannel);
    if (click.value() != null) {
      executor.execute(() -> show(click, step.run(click)));
    }
    return ctx.ack();
  }

  /** Audits, tells the person and (for a vanished link) refreshes, all after the ack. */
  private void refuse(Click click, Verdict verdict) {
    ActionOutcome refusal = verdict.refusal();
    executor.execute(() -> {
      service.gate().record(verdict);
      show(click, refusal);
      if (refusal.result() == Result.LINK_GONE) {
        service.refreshNow(click.value());
      }
    });
  }

  private void show(Click click, ActionOutcome outcome) {
    outcome.note().ifPresent(text -> notices.tell(click.channel(), click.userId(), text));
  }
}
