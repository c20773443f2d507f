package io.disputedesk.sim.console;

import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small Bolt app standing in for the real bot: one dispute card with buttons, a "Make offer"
 * modal that validates its amount, a thread reply and card update on success, a slash command and a
 * Home tab.
 */
final class OfferBot {
  static final String CHANNEL = "C0A1B2C3F";
  static final String MAKE_OFFER = "dd_make_offer";
  static final String REFRESH = "dd_refresh";

  /**
   * A PNG's signature and a few bytes: what the console checks before showing a file as an image.
   */
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  static final String ACCEPT = "dd_accept_claim";
  static final String MORE = "dd_more";
  static final String VIEW_OFFER = "dd_view_make_offer";
  static final String VIEW_STACK = "test_stack";

  /** Every block_actions action id the bot received, in order. */
  final List<String> actions = new CopyOnWriteArrayList<>();

  /** Every raw payload it received, for assertions on their shape. */
  final List<String> payloads = new CopyOnWriteArrayList<>();

  volatile String cardTs;

  void register(App app) {
    app.blockAction(
        MAKE_OFFER,
        (req, ctx) -> {
          record(req.getRequestBodyAsString(), MAKE_OFFER);
          ctx.client()
              .viewsOpen(
                  r ->
                      r.triggerId(req.getPayload().getTriggerId())
                          .viewAsString(
                              offerModal(req.getPayload().getActions().get(0).getValue())));
          return ctx.ack();
        });
    app.blockAction(
        REFRESH,
        (req, ctx) -> {
          record(req.getRequestBodyAsString(), REFRESH);
          return ctx.ack();
        });
    app.blockAction(
        ACCEPT,
        (req, ctx) -> {
          record(req.getRequestBodyAsString(), ACCEPT);
          ctx.respond(
              r ->
                  r.text("Accepting <https://example.com/x?a=1&b=2|the claim> for *PP-D-1*")
                      .responseType("ephemeral"));
          return ctx.ack();
        });
    app.blockAction(
        MORE,
        (req, ctx) -> {
          record(
              req.getRequestBodyAsString(),
              MORE + ":" + req.getPayload().getActions().get(0).getSelectedOption().getValue());
          return ctx.ack();
        });
    app.viewSubmission(
        VIEW_OFFER,
        (req, ctx) -> {
          payloads.add(req.getRequestBodyAsString());
          Map<String, Map<String, ViewState.Value>> values =
              req.getPayload().getView().getState().getValues();
          String raw = values.get("amount").get("amount").getValue();
          BigDecimal amount = parse(raw);
          if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            return ctx.ackWithErrors(
                Map.of("amount", "Enter an amount above 0 with at most 2 decimals."));
          }
          String dispute = req.getPayload().getView().getPrivateMetadata();
          MethodsClient client = ctx.client();
          try {
            client.chatPostMessage(
                r ->
                    r.channel(CHANNEL)
                        .threadTs(cardTs)
                        .text(
                            "<@"
                                + req.getPayload().getUser().getId()
                                + "> offered *"
                                + amount.toPlainString()
                                + " USD* on "
                                + dispute));
            client.chatUpdate(
                r ->
                    r.channel(CHANNEL)
                        .ts(cardTs)
                        .text("card")
                        .blocksAsString(card("Offer sent: " + amount.toPlainString() + " USD")));
          } catch (IOException | SlackApiException e) {
            throw new IllegalStateException(e);
          }
          return ctx.ack();
        });
    app.viewSubmission(
        VIEW_STACK,
        (req, ctx) -> {
          String next =
              req.getPayload().getView().getState().getValues().get("next").get("next").getValue();
          return switch (next == null ? "" : next) {
            case "update" -> ctx.ackWithUpdate(view(stackModal("Updated")));
            case "push" -> ctx.ackWithPush(view(stackModal("Pushed")));
            case "clear" -> ctx.ack(r -> r.responseAction("clear"));
            default -> ctx.ack();
          };
        });
    app.command(
        "/disputes",
        (req, ctx) -> {
          String text = req.getPayload().getText();
          if (!"export".equals(text) && !"report".equals(text)) {
            return ctx.ack("You asked for `" + text + "`");
          }
          String dm =
              ctx.client()
                  .conversationsOpen(r -> r.users(List.of(req.getPayload().getUserId())))
                  .getChannel()
                  .getId();
          if ("report".equals(text)) {
            ctx.client()
                .filesUploadV2(
                    r ->
                        r.channel(dm)
                            .filename("report.png")
                            .title("Dispute report")
                            .fileData(PNG)
                            .initialComment("Your report"));
            return ctx.ack("Report sent to your messages with the app.");
          }
          ctx.client()
              .filesUploadV2(
                  r ->
                      r.channel(dm)
                          .filename("disputes.csv")
                          .title("Disputes export")
                          .content("id,amount\nPP-D-1,23.00\n")
                          .initialComment("Here is your export"));
          return ctx.ack("Export sent to your messages with the app.");
        });
    app.event(
        AppHomeOpenedEvent.class,
        (req, ctx) -> {
          ctx.client()
              .viewsPublish(
                  r ->
                      r.userId(req.getEvent().getUser())
                          .viewAsString(
                              """
          {"type":"home","blocks":[{"type":"header","text":{"type":"plain_text","text":"Your queue"}},
          {"type":"section","text":{"type":"mrkdwn","text":"*2* disputes assigned to you"}}]}"""));
          return ctx.ack();
        });
  }

  /** Posts the one card the tests act on. */
  void postCard(MethodsClient client) throws IOException, SlackApiException {
    cardTs =
        client
            .chatPostMessage(
                r ->
                    r.channel(CHANNEL)
                        .text("card")
                        .blocksAsString(card("Waiting for your response")))
            .getTs();
  }

  private void record(String body, String what) {
    payloads.add(body);
    actions.add(what);
  }

  static String card(String status) {
    return """
        [{"type":"header","text":{"type":"plain_text","text":"PP-D-1 · 23.00 USD"}},
         {"type":"section","block_id":"facts","fields":[
           {"type":"mrkdwn","text":"*Reason*\\nItem not received"},
           {"type":"mrkdwn","text":"*Status*\\n%s"}]},
         {"type":"section","text":{"type":"mrkdwn","text":"Buyer: &lt;script&gt;alert(1)&lt;/script&gt; _wrote_ `hi`"}},
         {"type":"context","elements":[{"type":"mrkdwn","text":"Owner: <@U0A1B2C3E>"}]},
         {"type":"actions","block_id":"act","elements":[
           {"type":"button","action_id":"dd_make_offer","text":{"type":"plain_text","text":"Make offer"},"value":"PP-D-1","style":"primary"},
           {"type":"button","action_id":"dd_accept_claim","text":{"type":"plain_text","text":"Accept claim"},"value":"PP-D-1","style":"danger",
            "confirm":{"title":{"type":"plain_text","text":"Accept claim?"},"text":{"type":"mrkdwn","text":"Refund *23.00 USD*?"},
            "confirm":{"type":"plain_text","text":"Refund"},"deny":{"type":"plain_text","text":"Cancel"},"style":"danger"}},
           {"type":"overflow","action_id":"dd_more","options":[
             {"text":{"type":"plain_text","text":"Refresh"},"value":"refresh"},
             {"text":{"type":"plain_text","text":"Escalate"},"value":"escalate"}]}]}]
        """
        .formatted(status);
  }

  private static String offerModal(String disputeId) {
    return """
        {"type":"modal","callback_id":"dd_view_make_offer","private_metadata":"%s",
         "title":{"type":"plain_text","text":"Make offer"},
         "submit":{"type":"plain_text","text":"Send offer"},"close":{"type":"plain_text","text":"Cancel"},
         "blocks":[
           {"type":"input","block_id":"amount","label":{"type":"plain_text","text":"Amount (USD)"},
            "element":{"type":"plain_text_input","action_id":"amount","initial_value":"23.00"}},
           {"type":"input","block_id":"note","optional":true,"label":{"type":"plain_text","text":"Note to the buyer"},
            "element":{"type":"plain_text_input","action_id":"note","multiline":true}},
           {"type":"input","block_id":"proof","optional":true,"label":{"type":"plain_text","text":"Proof"},
            "element":{"type":"file_input","action_id":"proof","filetypes":["pdf","png"],"max_files":2}},
           {"type":"input","block_id":"owner","optional":true,"label":{"type":"plain_text","text":"Owner"},
            "element":{"type":"users_select","action_id":"owner","initial_user":"U0A1B2C3M"}},
           {"type":"input","block_id":"kind","label":{"type":"plain_text","text":"Kind"},
            "element":{"type":"static_select","action_id":"kind",
              "initial_option":{"text":{"type":"plain_text","text":"Refund"},"value":"REFUND"},"option_groups":[
              {"label":{"type":"plain_text","text":"Money"},"options":[
                {"text":{"type":"plain_text","text":"Refund"},"value":"REFUND"},
                {"text":{"type":"plain_text","text":"Partial refund"},"value":"PARTIAL"}]}]}},
           {"type":"input","block_id":"notify","optional":true,"label":{"type":"plain_text","text":"Tell"},
            "element":{"type":"checkboxes","action_id":"notify","options":[
              {"text":{"type":"plain_text","text":"Buyer"},"value":"buyer"},
              {"text":{"type":"mrkdwn","text":"*PayPal*"},"value":"paypal"}]}},
           {"type":"input","block_id":"speed","optional":true,"label":{"type":"plain_text","text":"Speed"},
            "element":{"type":"radio_buttons","action_id":"speed","initial_option":
              {"text":{"type":"plain_text","text":"Normal"},"value":"normal"},"options":[
              {"text":{"type":"plain_text","text":"Normal"},"value":"normal"},
              {"text":{"type":"plain_text","text":"Urgent"},"value":"urgent"}]}},
           {"type":"input","block_id":"due","optional":true,"label":{"type":"plain_text","text":"Due"},
            "element":{"type":"datepicker","action_id":"due","initial_date":"2026-12-04"}}]}
        """
        .formatted(disputeId);
  }

  static String stackModal(String title) {
    return """
        {"type":"modal","callback_id":"test_stack","title":{"type":"plain_text","text":"%s"},
         "submit":{"type":"plain_text","text":"Next"},
         "blocks":[{"type":"input","block_id":"next","label":{"type":"plain_text","text":"Then"},
           "element":{"type":"plain_text_input","action_id":"next"}}]}
        """
        .formatted(title);
  }

  private static BigDecimal parse(String raw) {
    try {
      return raw == null ? null : new BigDecimal(raw.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static View view(String json) {
    return GsonFactory.createSnakeCase().fromJson(json, View.class);
  }
}
