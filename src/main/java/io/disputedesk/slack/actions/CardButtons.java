package io.disputedesk.slack.actions;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.disputedesk.actions.ActionGate.Verdict;
import io.disputedesk.actions.ActionOutcome;
import io.disputedesk.actions.ActionOutcome.Result;
import io.disputedesk.actions.ActionService;
import io.disputedesk.actions.Assignments;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.actions.Snoozes;
import io.disputedesk.auth.Role;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.slack.CardStore;
import io.disputedesk.slack.Ids;
import io.disputedesk.slack.OverflowChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons on a dispute card and its overflow menu. Buttons for PayPal actions check the role
 * and the link, then open their modal at once with the click's trigger id and ack; the rest
 * (assign, refresh) ack first and do their work on the executor. A refusal is a private note to the
 * person who clicked. (Open in PayPal is a link button: {@code CardLinkActions} answers it.)
 */
final class CardButtons {
  private static final Logger log = LoggerFactory.getLogger(CardButtons.class);
  private final ActionService service;
  private final Assignments assignments;
  private final ModalBuilder modals;
  private final CardStore cards;
  private final AfterAck after;
  private final FormOpener forms;
  private final FormCache built;
  private final String defaultChannel;
  private final Snoozes snoozes;

  CardButtons(
      ActionService service,
      Assignments assignments,
      ModalBuilder modals,
      CardStore cards,
      AfterAck after,
      FormOpener forms,
      FormCache built,
      String defaultChannel,
      Snoozes snoozes) {
    this.forms = forms;
    this.built = built;
    this.snoozes = snoozes;
    this.service = service;
    this.assignments = assignments;
    this.modals = modals;
    this.cards = cards;
    this.after = after;
    this.defaultChannel = defaultChannel;
  }

  void register(App app) {
    List<String> ids =
        new ArrayList<>(Arrays.stream(CardAction.values()).map(CardAction::buttonId).toList());
    ids.addAll(
        List.of(Ids.REASSIGN, Ids.ASSIGN_ME, Ids.UNASSIGN, Ids.REFRESH, Ids.SNOOZE, Ids.UNSNOOZE));
    for (String id : ids) {
      app.blockAction(
          id, (req, ctx) -> dispatch(Click.of(req.getPayload(), cards, defaultChannel), ctx));
    }
    // Buttons that did not fit on the card sit in its overflow menu, each option "<action
    // id>:<dispute id>".
    app.blockAction(
        Ids.MORE_ACTIONS,
        (req, ctx) -> {
          Optional<OverflowChoice> choice =
              OverflowChoice.parse(Click.selectedValue(req.getPayload()));
          if (choice.isEmpty()) {
            return ctx.ack();
          }
          Click click = Click.of(req.getPayload(), cards, defaultChannel);
          return dispatch(click.as(choice.get().actionId(), choice.get().disputeId()), ctx);
        });
  }

  private Response dispatch(Click click, ActionContext ctx) {
    if (click.value() == null || click.actionId() == null) {
      return ctx.ack();
    }
    Optional<CardAction> form = CardAction.byButton(click.actionId());
    if (form.isPresent()) {
      return openAction(click, ctx, form.get());
    }
    return switch (click.actionId()) {
      case Ids.REASSIGN -> openReassign(click, ctx);
      case Ids.ASSIGN_ME ->
          later(
              click,
              ctx,
              c -> assignments.assign(c.value(), c.userId(), c.userId(), c.intentKey()).outcome());
      case Ids.UNASSIGN ->
          later(
              click,
              ctx,
              c -> assignments.unassign(c.value(), c.userId(), c.intentKey()).outcome());
      case Ids.REFRESH -> later(click, ctx, c -> service.refresh(c.value(), c.userId()));
      case Ids.SNOOZE -> openSnooze(click, ctx);
      case Ids.UNSNOOZE -> later(click, ctx, c -> snoozes.unsnooze(c.value(), c.userId()));
      default -> ctx.ack();
    };
  }

  private Response openAction(Click click, ActionContext ctx, CardAction kind) {
    Verdict verdict = service.gate().check(click.userId(), click.value(), kind);
    if (!verdict.allowed()) {
      refuse(click, verdict);
      return ctx.ack();
    }
    Dispute d = verdict.dispute().dispute();
    EvidencePrefill prefill = modals.prefill(kind, d.disputeId(), false);
    open(
        click,
        built.form(
            kind,
            d,
            click.channel(),
            click.messageTs(),
            prefill,
            () -> forms.encoded(modals.forAction(kind, d, context(click, verdict), prefill))));
    return ctx.ack();
  }

  private Response openReassign(Click click, ActionContext ctx) {
    Verdict verdict =
        service.gate().checkRole(click.userId(), click.value(), Role.AGENT, "ASSIGN", "Reassign");
    if (!verdict.allowed()) {
      refuse(click, verdict);
      return ctx.ack();
    }
    open(
        click,
        modals.reassign(
            verdict.dispute().dispute(), context(click, verdict), verdict.dispute().ownerUserId()));
    return ctx.ack();
  }

  private Response openSnooze(Click click, ActionContext ctx) {
    Verdict verdict = snoozes.check(click.userId(), click.value(), "Snooze");
    if (!verdict.allowed()) {
      refuse(click, verdict);
      return ctx.ack();
    }
    open(
        click,
        SnoozeForm.view(
            verdict.dispute().dispute(),
            context(click, verdict).toJson(modals.mapper()),
            snoozes.now()));
    return ctx.ack();
  }

  /**
   * What the modal remembers: the dispute, the card, and the dispute as the modal (built from it)
   * shows it.
   */
  private ModalContext context(Click click, Verdict verdict) {
    return new ModalContext(
        click.value(),
        click.channel(),
        click.messageTs(),
        SeenDispute.of(verdict.dispute().dispute()));
  }

  private void open(Click click, View view) {
    open(click, forms.encoded(view));
  }

  /** Opens the modal inline: the trigger id expires three seconds after the click. */
  private void open(Click click, String encodedView) {
    forms
        .open(click.triggerId(), encodedView)
        .ifPresent(
            problem -> {
              log.warn(
                  "Slack did not open the {} form for {}: {}",
                  click.actionId(),
                  click.value(),
                  problem);
              after.tell(
                  click.channel(),
                  click.userId(),
                  "Slack did not open the form (" + problem + "). Please click the button again.");
            });
  }

  private interface Step {
    ActionOutcome run(Click click);
  }

  private Response later(Click click, ActionContext ctx, Step step) {
    after.submitOrTellBusy(click.channel(), click.userId(), () -> show(click, step.run(click)));
    return ctx.ack();
  }

  /**
   * Audits and tells the person after the ack, even while every action thread is busy; for a
   * vanished link also refreshes the dispute from PayPal (on the action executor, when it has
   * room).
   */
  private void refuse(Click click, Verdict verdict) {
    ActionOutcome refusal = verdict.refusal();
    after.refuse(
        click.channel(), click.userId(), () -> service.gate().record(verdict), refusal.note());
    if (refusal.result() == Result.LINK_GONE) {
      after.submit(() -> service.refreshNow(click.value()));
    }
  }

  private void show(Click click, ActionOutcome outcome) {
    outcome.note().ifPresent(text -> after.tellNow(click.channel(), click.userId(), text));
  }
}
