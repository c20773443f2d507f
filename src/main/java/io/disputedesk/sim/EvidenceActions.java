package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * provide-evidence, appeal and acknowledge-return-item: the actions that carry evidence documents.
 */
final class EvidenceActions {
  private static final Set<String> ACK_EVIDENCE_TYPES =
      Set.of(
          "PROOF_OF_DAMAGE",
          "THIRDPARTY_PROOF_FOR_DAMAGE_OR_SIGNIFICANT_DIFFERENCE",
          "DECLARATION",
          "PROOF_OF_MISSING_ITEMS",
          "PROOF_OF_EMPTY_PACKAGE_OR_DIFFERENT_ITEM",
          "PROOF_OF_ITEM_NOT_RECEIVED");

  void provideEvidence(SimDispute d, ActionInput in, Instant now) {
    List<ObjectNode> entries = evidences(d, in, now);
    for (ObjectNode e : entries) {
      d.clearRequest(e.path("evidence_type").asText());
    }
    d.evidences.addAll(entries);
    if (d.stage.isClaim()) {
      d.underReview();
    } else {
      d.waitForBuyer(now.plus(SimDispute.RESPONSE_WINDOW));
    }
  }

  void appeal(SimDispute d, ActionInput in, Instant now) {
    List<ObjectNode> entries = evidences(d, in, now);
    d.stage =
        switch (d.stage) {
          case INQUIRY -> SimStage.CHARGEBACK;
          case CHARGEBACK -> SimStage.PRE_ARBITRATION;
          case PRE_ARBITRATION, ARBITRATION -> SimStage.ARBITRATION;
        };
    for (ObjectNode e : entries) {
      e.put("dispute_life_cycle_stage", d.stage.name());
      e.putObject("action_info").put("action", "APPEAL");
    }
    d.evidences.addAll(entries);
    d.outcome = null;
    d.refunded = null;
    d.appealable = false;
    d.underReview();
  }

  void acknowledgeReturn(SimDispute d, ActionInput in, Instant now) {
    String note = Fields.optionalText(in.json, "/note", 2000);
    String type = Fields.optionalEnum(in.json, "/acknowledgement_type", DisputeJson.ACK_TYPES);
    JsonNode evidences = Fields.optionalArray(in.json, "/evidences");
    List<ObjectNode> entries = new ArrayList<>();
    if (evidences != null) {
      for (int i = 0; i < evidences.size(); i++) {
        String at = "/evidences/" + i;
        Fields.optionalEnum(in.json, at + "/evidence_type", ACK_EVIDENCE_TYPES);
        JsonNode docs = Fields.optionalArray(in.json, at + "/documents");
        if (docs == null || docs.isEmpty()) {
          throw SimError.missing(at + "/documents");
        }
        entries.add(entry(d, in.json.at(at), note, now));
      }
    }
    in.checkFiles();
    attachFiles(entries, in, d, note, now, "PROOF_OF_DAMAGE");
    d.evidences.addAll(entries);
    d.returnAcknowledged = true;
    if (type == null || type.equals("ITEM_RECEIVED")) {
      d.resolve(SimOutcome.RESOLVED_BUYER_FAVOUR, d.sellerOffered, false, now);
    } else {
      // The seller disputes what came back: PayPal takes the case over as a claim.
      if (!d.stage.isClaim()) {
        d.escalateToClaim();
      }
      d.underReview();
    }
  }

  /**
   * Validates {@code evidences[]} against PayPal's rules and builds the SUBMITTED_BY_SELLER
   * entries.
   */
  private static List<ObjectNode> evidences(SimDispute d, ActionInput in, Instant now) {
    JsonNode list = Fields.optionalArray(in.json, "/evidences");
    if (list == null || list.isEmpty()) {
      throw SimError.missing("/evidences");
    }
    List<String> requested = d.openRequests();
    List<ObjectNode> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = "/evidences/" + i;
      JsonNode e = list.get(i);
      if (!e.isObject()) {
        throw SimError.invalid(
            at, null, "INVALID_PARAMETER_SYNTAX", "Each evidence must be an object.");
      }
      if (!e.hasNonNull("evidence_type")) {
        throw SimError.unprocessable(
            at + "/evidence_type", null, "MISSING_EVIDENCE_TYPE", "The evidence_type is missing.");
      }
      String type = Fields.requiredEnum(in.json, at + "/evidence_type", EvidenceCodes.TYPES);
      Fields.optionalText(in.json, at + "/notes", 2000);
      Fields.optionalArray(in.json, at + "/documents");
      String itemId = Fields.optionalText(in.json, at + "/item_id", 255);
      JsonNode info = e.path("evidence_info");
      switch (type) {
        case "PROOF_OF_FULFILLMENT" -> checkTracking(info, at);
        case "PROOF_OF_REFUND" -> {
          if (!info.path("refund_ids").isArray() || info.path("refund_ids").isEmpty()) {
            throw SimError.unprocessable(
                at + "/evidence_info/refund_ids",
                null,
                "MISSING_REFUND_ID",
                "Proof of refund needs evidence_info.refund_ids.");
          }
        }
        case "PROOF_OF_RETURN" -> {
          if (!info.isObject() || info.isEmpty()) {
            throw SimError.unprocessable(
                at + "/evidence_info",
                null,
                "MISSING_EVIDENCE_INFO",
                "Proof of return needs evidence_info.");
          }
        }
        default -> {}
      }
      if (type.equals("PROOF_OF_FULFILLMENT")
          && !SimDefaults.fulfilmentFits(d.reason)
          && !requested.contains(type)) {
        throw SimError.unprocessable(
            at + "/evidence_type",
            type,
            "INVALID_EVIDENCE_TYPE_PROOF_OF_FULFILLMENT",
            "Proof of fulfillment does not apply to a " + d.reason.name() + " dispute.");
      }
      if (d.items.size() > 1 && itemId == null) {
        throw SimError.unprocessable(
            at + "/item_id",
            null,
            "ITEM_ID_IS_MANDATORY_FOR_MULTIPLE_EVIDENCES",
            "The transaction has several items; give the item_id of each piece of evidence.");
      }
      entries.add(entry(d, e, null, now));
    }
    in.checkFiles();
    attachFiles(entries, in, d, null, now, "OTHER");
    return entries;
  }

  private static void checkTracking(JsonNode info, String at) {
    JsonNode tracking = info.path("tracking_info");
    if (!tracking.isArray() || tracking.isEmpty()) {
      throw SimError.unprocessable(
          at + "/evidence_info/tracking_info",
          null,
          "MISSING_TRACKING_INFO",
          "Proof of fulfillment needs evidence_info.tracking_info.");
    }
    for (int j = 0; j < tracking.size(); j++) {
      JsonNode t = tracking.get(j);
      boolean other = "OTHER".equals(t.path("carrier_name").asText());
      if (!t.path("carrier_name").isTextual()
          || !t.path("tracking_number").isTextual()
          || t.path("tracking_number").asText().isEmpty()
          || (other && !t.path("carrier_name_other").isTextual())) {
        throw SimError.unprocessable(
            at + "/evidence_info/tracking_info/" + j,
            null,
            "MISSING_TRACKING_INFO",
            "Each tracking_info needs carrier_name and tracking_number (and carrier_name_other for OTHER).");
      }
      if (!EvidenceCodes.CARRIERS.contains(t.path("carrier_name").asText())) {
        throw SimError.invalid(
            at + "/evidence_info/tracking_info/" + j + "/carrier_name",
            t.path("carrier_name").asText(),
            "INVALID_PARAMETER_VALUE",
            "carrier_name must be one of PayPal's carrier codes, or OTHER with carrier_name_other.");
      }
    }
  }

  private static ObjectNode entry(SimDispute d, JsonNode e, String fallbackNotes, Instant now) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("evidence_type", e.path("evidence_type").asText("OTHER"));
    if (e.path("evidence_info").isObject()) {
      out.set("evidence_info", e.get("evidence_info").deepCopy());
    }
    if (e.path("documents").isArray() && !e.get("documents").isEmpty()) {
      out.set("documents", e.get("documents").deepCopy());
    }
    String notes = e.path("notes").isTextual() ? e.get("notes").asText() : fallbackNotes;
    if (notes != null) {
      out.put("notes", notes);
    }
    out.put("source", "SUBMITTED_BY_SELLER");
    out.put("date", SimTime.format(now));
    if (e.path("item_id").isTextual()) {
      out.put("item_id", e.get("item_id").asText());
    }
    out.put("dispute_life_cycle_stage", d.stage.name());
    return out;
  }

  /**
   * Uploaded files not named in any evidence's documents go onto the first entry (or a new one).
   */
  private static void attachFiles(
      List<ObjectNode> entries,
      ActionInput in,
      SimDispute d,
      String notes,
      Instant now,
      String typeIfNone) {
    List<ObjectNode> unnamed = new ArrayList<>();
    for (ObjectNode doc : in.documents()) {
      String name = doc.path("name").asText();
      boolean named =
          entries.stream()
              .anyMatch(e -> e.path("documents").findValuesAsText("name").contains(name));
      if (!named) {
        unnamed.add(doc);
      }
    }
    if (unnamed.isEmpty()) {
      return;
    }
    if (entries.isEmpty()) {
      ObjectNode blank = JsonNodeFactory.instance.objectNode().put("evidence_type", typeIfNone);
      entries.add(entry(d, blank, notes, now));
    }
    ObjectNode first = entries.get(0);
    (first.has("documents") ? (ArrayNode) first.get("documents") : first.putArray("documents"))
        .addAll(unnamed);
  }
}
