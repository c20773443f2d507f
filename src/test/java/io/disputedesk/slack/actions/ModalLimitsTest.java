package io.disputedesk.slack.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import io.disputedesk.actions.Samples;
import io.disputedesk.actions.SeenDispute;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.LifecycleStage;
import io.disputedesk.paypal.Money;
import io.disputedesk.paypal.ResponseRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every action modal stays inside Slack's Block Kit limits (LIMITS.md): Slack only says so at
 * runtime.
 */
class ModalLimitsTest {
  private static final List<String> SAMPLES =
      List.of(
          "detail-inquiry-inr-waiting-seller.json",
          "detail-inquiry-snad-offer-pending.json",
          "detail-inquiry-snad-acknowledge-return.json",
          "detail-claim-unauthorised-waiting-seller.json",
          "detail-claim-under-review.json",
          "detail-claim-resolved-appealable.json",
          "detail-external-credit-not-processed.json",
          "detail-inquiry-open-new.json");
  private static final List<CardAction> MODALS =
      List.of(
          CardAction.ACCEPT_CLAIM,
          CardAction.MAKE_OFFER,
          CardAction.SEND_MESSAGE,
          CardAction.PROVIDE_EVIDENCE,
          CardAction.APPEAL,
          CardAction.ESCALATE,
          CardAction.ACKNOWLEDGE_RETURN_ITEM,
          CardAction.PROVIDE_SUPPORTING_INFO);

  private final ObjectMapper mapper = Json.newMapper();
  private final Gson gson = GsonFactory.createSnakeCase();
  private final ModalBuilder modals = new ModalBuilder(mapper, id -> EvidencePrefill.NONE);

  @Test
  void everyModalForEverySampleDisputeIsWithinSlacksLimits() throws Exception {
    int checked = 0;
    for (String sample : SAMPLES) {
      Dispute d = Samples.dispute(sample);
      ModalContext context =
          new ModalContext(d.disputeId(), "C0A1B2C3F", "1732700000.000100", SeenDispute.of(d));
      List<View> views = new ArrayList<>();
      for (CardAction action : MODALS) {
        views.add(modals.forAction(action, d, context));
      }
      views.add(modals.reassign(d, context, "U0A1B2C3E"));
      for (View view : views) {
        checkLimits(mapper.readTree(gson.toJson(view)), sample, true);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(SAMPLES.size() * (MODALS.size() + 1));
  }

  @Test
  void formsRedrawnForEachChoiceAndTheAnswerViewsAreWithinSlacksLimits() throws Exception {
    int checked = 0;
    for (String sample : SAMPLES) {
      Dispute d = Samples.dispute(sample);
      String metadata =
          new ModalContext(d.disputeId(), "C0A1B2C3F", "1732700000.000100", SeenDispute.of(d))
              .nextTry()
              .toJson(mapper);
      List<View> forms = new ArrayList<>();
      for (var t : MakeOfferForm.offerTypes(d)) {
        forms.add(
            modals.forAction(
                CardAction.MAKE_OFFER, d, metadata, chose(ModalFields.OFFER_TYPE, t.name())));
      }
      for (var t : ResponseRules.acceptTypes(d)) {
        forms.add(
            modals.forAction(
                CardAction.ACCEPT_CLAIM, d, metadata, chose(ModalFields.ACCEPT_TYPE, t.name())));
      }
      for (String t : EvidenceTypes.types(d, List.of())) {
        forms.add(
            modals.forAction(
                CardAction.PROVIDE_EVIDENCE, d, metadata, chose(ModalFields.EVIDENCE_TYPE, t)));
      }
      for (View form : forms) {
        checkLimits(mapper.readTree(gson.toJson(form)), sample, true);
        String block = ResultViews.inputs(form).iterator().next();
        checkLimits(
            mapper.readTree(
                gson.toJson(ResultViews.withError(form, block, "x".repeat(2900), true))),
            sample,
            true);
        checked++;
      }
      View form = forms.get(0);
      checkLimits(
          mapper.readTree(gson.toJson(ResultViews.progress(form, d, "y".repeat(2900)))),
          sample,
          false);
      checkLimits(
          mapper.readTree(
              gson.toJson(
                  ResultViews.outcome(
                      form,
                      d,
                      new ResultViews.Shown(
                          ":white_check_mark: *PayPal accepted it.*", "f966554107b99")))),
          sample,
          false);
    }
    assertThat(checked).isGreaterThan(SAMPLES.size() * 3);
  }

  private static FormReader chose(String block, String value) {
    ViewState.SelectedOption option = new ViewState.SelectedOption();
    option.setValue(value);
    ViewState.Value picked = new ViewState.Value();
    picked.setSelectedOption(option);
    ViewState state = new ViewState();
    state.setValues(Map.of(block, Map.of(block, picked)));
    return new FormReader(state);
  }

  @Test
  void longestContextFitsThePrivateMetadata() {
    ModalContext context =
        new ModalContext(
            "PP-" + "9".repeat(252),
            "C" + "A".repeat(20),
            "1732700000.000100",
            new SeenDispute(
                Instant.parse("2026-11-18T09:46:54.926Z"),
                Money.of("123456789.99", "USD"),
                Money.of("123456789.99", "USD"),
                LifecycleStage.PRE_ARBITRATION));

    String json = context.toJson(mapper);

    assertThat(json.length()).isLessThan(ModalContext.MAX_CHARS);
    assertThat(ModalContext.parse(mapper, json)).contains(context);
    assertThat(ModalContext.parse(mapper, "{not json")).isEmpty();
    assertThat(ModalContext.parse(mapper, "")).isEmpty();
  }

  private static void checkLimits(JsonNode view, String sample, boolean submits) {
    String where = view.path("callback_id").asText() + " for " + sample;
    assertThat(view.path("type").asText()).as(where).isEqualTo("modal");
    assertThat(view.path("title").path("text").asText().length()).as(where).isLessThanOrEqualTo(24);
    if (submits) {
      assertThat(view.path("submit").path("text").asText().length()).as(where).isBetween(1, 24);
    } else {
      assertThat(view.has("submit")).as(where + " has no submit button").isFalse();
    }
    assertThat(view.path("close").path("text").asText().length()).as(where).isLessThanOrEqualTo(24);
    assertThat(view.path("private_metadata").asText().length()).as(where).isLessThanOrEqualTo(3000);
    JsonNode blocks = view.path("blocks");
    assertThat(blocks.size()).as(where).isBetween(1, 100);
    assertThat(view.toString().length()).as(where).isLessThan(250_000);
    Set<String> blockIds = new HashSet<>();
    for (JsonNode block : blocks) {
      if (block.has("block_id")) {
        assertThat(blockIds.add(block.path("block_id").asText()))
            .as(where + " unique block ids")
            .isTrue();
        assertThat(block.path("block_id").asText().length()).isLessThanOrEqualTo(255);
      }
      if (block.path("type").asText().equals("context")) {
        for (JsonNode element : block.path("elements")) {
          assertThat(element.path("text").asText().length()).as(where).isLessThanOrEqualTo(3000);
        }
      }
      if (block.path("type").asText().equals("section")) {
        assertThat(block.path("text").path("text").asText().length()).as(where).isBetween(1, 3000);
      }
      if (block.path("type").asText().equals("input")) {
        assertThat(block.path("label").path("text").asText().length()).as(where).isBetween(1, 2000);
        assertThat(block.path("hint").path("text").asText("").length())
            .as(where)
            .isLessThanOrEqualTo(2000);
        JsonNode element = block.path("element");
        assertThat(element.path("action_id").asText())
            .as(where)
            .isEqualTo(block.path("block_id").asText());
        JsonNode options = element.path("options");
        assertThat(options.size()).as(where).isLessThanOrEqualTo(100);
        for (JsonNode option : options) {
          assertThat(option.path("text").path("text").asText().length()).as(where).isBetween(1, 75);
          assertThat(option.path("value").asText().length()).as(where).isBetween(1, 150);
        }
        if (element.has("initial_option")) {
          assertThat(options.toString())
              .as(where)
              .contains(element.path("initial_option").path("value").asText());
        }
      }
    }
  }
}
