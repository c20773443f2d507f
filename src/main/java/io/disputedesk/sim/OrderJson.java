package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Set;

/** Writes a dispute's order the way Transaction Search and Shipment Tracking do. */
final class OrderJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final String baseUrl;

  OrderJson(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * One {@code transaction_detail} with the requested field groups ({@code transaction_info}
   * always).
   */
  ObjectNode transaction(SimDispute d, Set<String> fields) {
    ObjectNode t = F.objectNode();
    t.set("transaction_info", info(d));
    boolean all = fields.contains("all");
    if (all || fields.contains("payer_info")) {
      ObjectNode payer = t.putObject("payer_info");
      payer.put("account_id", accountId(d));
      payer.put("email_address", d.order.payerEmail);
      payer.put("address_status", "Y");
      payer.put("payer_status", "Y");
      payer.putObject("payer_name").put("alternate_full_name", d.order.recipient);
      payer.put("country_code", d.order.shipTo.countryCode());
    }
    if (all || fields.contains("shipping_info")) {
      ObjectNode shipping = t.putObject("shipping_info");
      shipping.put("name", SimOrder.reportingText(d.order.recipient));
      shipping.set("address", address(d.order.shipTo));
    }
    if (all || fields.contains("cart_info")) {
      ObjectNode cart = t.putObject("cart_info");
      ArrayNode items = cart.putArray("item_details");
      int n = 1;
      for (SimOrder.Line line : d.order.lines) {
        ObjectNode item = items.addObject();
        item.put("item_code", DisputeJson.itemId(n++));
        item.put("item_name", SimOrder.reportingText(line.name()));
        item.put("item_quantity", Integer.toString(line.quantity()));
        item.set("item_unit_price", SimMoney.node(d.currency, line.unitPrice()));
        item.set("item_amount", SimMoney.node(d.currency, line.amount()));
        item.set("total_item_amount", SimMoney.node(d.currency, line.amount()));
      }
      cart.put("tax_inclusive", false);
    }
    return t;
  }

  private ObjectNode info(SimDispute d) {
    ObjectNode info = F.objectNode();
    info.put("paypal_account_id", accountId(d));
    info.put("transaction_id", d.sellerTransactionId);
    info.put("transaction_event_code", "T0006");
    info.put("transaction_initiation_date", SimTime.format(d.transactionTime));
    info.put("transaction_updated_date", SimTime.format(d.transactionTime));
    info.set("transaction_amount", SimMoney.node(d.currency, d.amount));
    BigDecimal fee = d.amount.multiply(new BigDecimal("-0.0349")).subtract(new BigDecimal("0.49"));
    info.set("fee_amount", SimMoney.node(d.currency, fee));
    info.put("transaction_status", "S");
    if (d.invoiceNumber != null) {
      info.put("invoice_id", SimOrder.reportingText(d.invoiceNumber));
    }
    info.put("protection_eligibility", "01");
    return info;
  }

  /** The payer's 13-character account id, derived from their transaction id. */
  private static String accountId(SimDispute d) {
    return (d.buyerTransactionId.replaceAll("[^A-Za-z0-9]", "") + "PAYERACCOUNTX").substring(0, 13);
  }

  private static ObjectNode address(SimAddress a) {
    ObjectNode n = F.objectNode();
    n.put("line1", a.line1());
    n.put("city", a.city());
    if (a.state() != null) {
      n.put("state", a.state());
    }
    n.put("country_code", a.countryCode());
    if (a.postalCode() != null) {
      n.put("postal_code", a.postalCode());
    }
    return n;
  }

  /** One tracker, with its self and replace links. */
  ObjectNode tracker(String transactionId, SimTracker t, String lastUpdated) {
    ObjectNode n = F.objectNode();
    n.put("transaction_id", transactionId);
    if (t.trackingNumber() != null) {
      n.put("tracking_number", t.trackingNumber());
      n.put("tracking_number_type", "CARRIER_PROVIDED");
    }
    n.put("status", t.status());
    if (t.shipmentDate() != null) {
      n.put("shipment_date", t.shipmentDate().toString());
    }
    if (t.carrier() != null) {
      n.put("carrier", t.carrier());
    }
    n.put("last_updated_time", lastUpdated);
    n.put("shipment_direction", t.isReturn() ? "RETURN" : "FORWARD");
    n.set("links", trackerLinks(t.id(transactionId)));
    return n;
  }

  /** The identifier PayPal answers an added tracker with. */
  ObjectNode identifier(String transactionId, SimTracker t) {
    ObjectNode n = F.objectNode();
    n.put("transaction_id", transactionId);
    if (t.trackingNumber() != null) {
      n.put("tracking_number", t.trackingNumber());
    }
    n.set("links", trackerLinks(t.id(transactionId)));
    return n;
  }

  ObjectNode link(String href, String rel, String method) {
    return DisputeJson.link(href, rel, method);
  }

  String url(String pathAndQuery) {
    return baseUrl + pathAndQuery;
  }

  private ArrayNode trackerLinks(String trackerId) {
    ArrayNode links = F.arrayNode();
    String self = baseUrl + "/v1/shipping/trackers/" + trackerId;
    links.add(DisputeJson.link(self, "self", "GET"));
    links.add(DisputeJson.link(self, "replace", "PUT"));
    return links;
  }
}
