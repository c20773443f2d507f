package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Writes a {@link SimDispute} the way PayPal does: the full details object and the list summary.
 */
final class DisputeJson {
  static final String MERCHANT_ID = "HAAP3SNYZZ9NG";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final String baseUrl;
  private final boolean sandbox;

  DisputeJson(String baseUrl, boolean sandbox) {
    this.baseUrl = baseUrl;
    this.sandbox = sandbox;
  }

  String disputeUrl(String id) {
    return baseUrl + "/v1/customer/disputes/" + id;
  }

  static String state(SimDispute d) {
    return switch (d.status) {
      case OPEN -> "OPEN_INQUIRIES";
      case WAITING_FOR_SELLER_RESPONSE -> "REQUIRED_ACTION";
      case WAITING_FOR_BUYER_RESPONSE -> "REQUIRED_OTHER_PARTY_ACTION";
      case UNDER_REVIEW -> "UNDER_PAYPAL_REVIEW";
      case RESOLVED -> d.appealable ? "APPEALABLE" : "RESOLVED";
      case OTHER -> "OPEN_INQUIRIES";
    };
  }

  List<String> actions(SimDispute d) {
    return SimLinks.actions(d, sandbox);
  }

  ObjectNode detail(SimDispute d) {
    ObjectNode n = F.objectNode();
    n.put("dispute_id", d.id);
    n.put("create_time", SimTime.format(d.createTime));
    n.put("update_time", SimTime.format(d.updateTime));
    n.putArray("disputed_transactions").add(transaction(d));
    n.put("reason", d.reason.name());
    n.put("status", d.status.name());
    n.put("dispute_state", state(d));
    n.set("dispute_amount", SimMoney.node(d.currency, d.amount));
    if (d.externalReasonCode != null) {
      n.put("external_reason_code", d.externalReasonCode);
    }
    if (d.isResolved() && d.outcome != null) {
      ObjectNode outcome = n.putObject("dispute_outcome");
      outcome.put("outcome_code", d.outcome.name());
      if (d.refunded != null) {
        outcome.set("amount_refunded", SimMoney.node(d.currency, d.refunded));
      }
    }
    putAll(n, "adjudications", d.adjudications);
    putAll(n, "money_movements", d.moneyMovements);
    n.put("dispute_life_cycle_stage", d.stage.name());
    n.put("dispute_channel", d.channel.name());
    putAll(n, "messages", d.messages);
    n.set("extensions", extensions(d));
    putAll(n, "evidences", d.evidences);
    putAll(n, "supporting_info", d.supportingInfo);
    putTime(n, "seller_response_due_date", d.sellerDue);
    putTime(n, "buyer_response_due_date", d.buyerDue);
    if (d.reason.startsInInquiry() || !d.offerHistory.isEmpty()) {
      n.set("offer", offer(d));
    }
    List<String> actions = actions(d);
    if (!d.isResolved()) {
      n.putObject("refund_details")
          .set("allowed_refund_amount", SimMoney.node(d.currency, d.allowedRefund()));
    }
    ObjectNode options = responseOptions(d, actions);
    if (!options.isEmpty()) {
      n.set("allowed_response_options", options);
    }
    if (d.communicationDetails != null) {
      n.set("communication_details", d.communicationDetails.deepCopy());
    }
    n.set("links", links(d, actions));
    return n;
  }

  ObjectNode summary(SimDispute d) {
    ObjectNode n = F.objectNode();
    n.put("dispute_id", d.id);
    n.put("create_time", SimTime.format(d.createTime));
    n.put("update_time", SimTime.format(d.updateTime));
    ObjectNode tx = n.putArray("disputed_transactions").addObject();
    tx.put("buyer_transaction_id", d.buyerTransactionId);
    tx.putObject("seller").put("merchant_id", d.merchant);
    n.put("reason", d.reason.name());
    n.put("status", d.status.name());
    n.put("dispute_state", state(d));
    n.set("dispute_amount", SimMoney.node(d.currency, d.amount));
    n.put("dispute_life_cycle_stage", d.stage.name());
    n.put("dispute_channel", d.channel.name());
    putTime(n, "seller_response_due_date", d.sellerDue);
    putTime(n, "buyer_response_due_date", d.buyerDue);
    if (d.isResolved() && d.outcome != null) {
      n.put("outcome", d.outcome == SimOutcome.RESOLVED_BUYER_FAVOUR ? "LOST" : "WON");
    }
    n.putArray("links").add(link(disputeUrl(d.id), "self", "GET"));
    return n;
  }

  static ObjectNode link(String href, String rel, String method) {
    ObjectNode l = F.objectNode();
    l.put("href", href);
    l.put("rel", rel);
    l.put("method", method);
    return l;
  }

  private ArrayNode links(SimDispute d, List<String> actions) {
    ArrayNode links = F.arrayNode();
    String self = disputeUrl(d.id);
    links.add(link(self, "self", "GET"));
    for (String rel : actions) {
      links.add(link(self + "/" + SimLinks.pathSuffix(rel), rel, "POST"));
    }
    return links;
  }

  private ObjectNode transaction(SimDispute d) {
    ObjectNode tx = F.objectNode();
    tx.put("buyer_transaction_id", d.buyerTransactionId);
    tx.put("seller_transaction_id", d.sellerTransactionId);
    tx.put("create_time", SimTime.format(d.transactionTime));
    tx.put("transaction_status", d.transactionStatus);
    tx.set("gross_amount", SimMoney.node(d.currency, d.amount));
    tx.putObject("buyer").put("name", d.buyerName);
    ObjectNode seller = tx.putObject("seller");
    seller.put("email", "sb-merchant@business.example.com");
    seller.put("merchant_id", d.merchant);
    seller.put("name", "The Happy Store");
    if (d.invoiceNumber != null) {
      tx.put("invoice_number", d.invoiceNumber);
    }
    ArrayNode items = tx.putArray("items");
    int i = 1;
    for (SimDisputeSpec.Item item : d.items) {
      ObjectNode it = items.addObject();
      it.put("item_id", itemId(i++));
      it.put("item_name", item.name());
      it.put("item_quantity", Integer.toString(item.quantity()));
      it.put("reason", d.reason.name());
      it.put("item_type", item.type());
    }
    return tx;
  }

  static String itemId(int index) {
    return "SKU" + (100 + index);
  }

  private ObjectNode extensions(SimDispute d) {
    ObjectNode ext = F.objectNode();
    ext.put(
        "merchant_contacted",
        d.messages.stream().anyMatch(m -> "SELLER".equals(m.path("posted_by").asText())));
    ext.put("buyer_contacted_time", SimTime.format(d.createTime.minusMillis(1090)));
    if (d.reason.isNotAsDescribed()) {
      ObjectNode props = ext.putObject("merchandize_dispute_properties");
      props.put("issue_type", "PRODUCT");
      ObjectNode product = props.putObject("product_details");
      product.put("product_received", d.returnShipped ? "RETURNED" : "YES");
      product.putArray("sub_reasons").add("DIFFERENT");
      if (d.returnShipped) {
        ObjectNode ret = product.putObject("return_details");
        ret.put("mode", "SHIPPED");
        ret.put("receipt", true);
        ret.put("returned", true);
        putTime(ret, "return_time", d.returnShippedTime);
      }
    }
    return ext;
  }

  private ObjectNode offer(SimDispute d) {
    ObjectNode o = F.objectNode();
    o.set("buyer_requested_amount", SimMoney.node(d.currency, d.amount));
    if (d.sellerOffered != null) {
      o.set("seller_offered_amount", SimMoney.node(d.currency, d.sellerOffered));
    }
    if (d.offerType != null) {
      o.put("offer_type", d.offerType);
    }
    putAll(o, "history", d.offerHistory);
    return o;
  }

  /** Only the options whose action is currently offered, as PayPal shows them. */
  private static ObjectNode responseOptions(SimDispute d, List<String> actions) {
    ObjectNode options = F.objectNode();
    if (actions.contains(SimLinks.ACCEPT_CLAIM) && !d.acceptClaimTypes.isEmpty()) {
      options.putObject("accept_claim").set("accept_claim_types", strings(d.acceptClaimTypes));
    }
    if (actions.contains(SimLinks.MAKE_OFFER)) {
      options.putObject("make_offer").set("offer_types", strings(d.offerTypes));
    }
    if (actions.contains(SimLinks.ACKNOWLEDGE_RETURN_ITEM)) {
      options.putObject("acknowledge_return_item").set("acknowledgement_types", strings(ACK_TYPES));
    }
    return options;
  }

  static final List<String> ACK_TYPES =
      List.of(
          "ITEM_RECEIVED",
          "ITEM_NOT_RECEIVED",
          "DAMAGED",
          "EMPTY_PACKAGE_OR_DIFFERENT",
          "MISSING_ITEMS");

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static void putAll(ObjectNode n, String field, List<ObjectNode> values) {
    if (!values.isEmpty()) {
      ArrayNode a = n.putArray(field);
      values.forEach(v -> a.add(v.deepCopy()));
    }
  }

  private static void putTime(ObjectNode n, String field, Instant t) {
    if (t != null) {
      n.put(field, SimTime.format(t));
    }
  }
}
