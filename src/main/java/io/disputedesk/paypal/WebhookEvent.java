package io.disputedesk.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * A webhook notification. {@code resource} is the (possibly partial) dispute, or null when the
 * event carries none (the deprecated {@code RISK.DISPUTE.CREATED}) or is not about a dispute.
 */
public record WebhookEvent(
    String id,
    String eventType,
    String resourceType,
    Instant createTime,
    String summary,
    Dispute resource) {

  public static final String DISPUTE_CREATED = "CUSTOMER.DISPUTE.CREATED";
  public static final String DISPUTE_UPDATED = "CUSTOMER.DISPUTE.UPDATED";
  public static final String DISPUTE_RESOLVED = "CUSTOMER.DISPUTE.RESOLVED";

  /** True for the three {@code CUSTOMER.DISPUTE.*} events the bot acts on. */
  public boolean isDisputeEvent() {
    return DISPUTE_CREATED.equals(eventType)
        || DISPUTE_UPDATED.equals(eventType)
        || DISPUTE_RESOLVED.equals(eventType);
  }

  /**
   * Reads a webhook body leniently: unknown fields and event types are fine, and the dispute keeps
   * its own JSON in {@link Dispute#rawJson()}. Throws {@link PayPalException} when it is not JSON.
   */
  public static WebhookEvent parse(ObjectMapper mapper, String rawBody) {
    try {
      JsonNode root = mapper.readTree(rawBody);
      if (root == null || !root.isObject()) {
        throw new PayPalException("webhook", "webhook body is not a JSON object", null);
      }
      String resourceType = text(root, "resource_type");
      JsonNode resource = root.get("resource");
      Dispute dispute = null;
      boolean aboutDispute = resourceType == null || resourceType.equalsIgnoreCase("dispute");
      if (aboutDispute && resource != null && resource.isObject() && !resource.isEmpty()) {
        dispute = mapper.treeToValue(resource, Dispute.class).withRawJson(resource.toString());
      }
      JsonNode created = root.get("create_time");
      return new WebhookEvent(
          text(root, "id"),
          text(root, "event_type"),
          resourceType,
          created == null || created.isNull() ? null : mapper.treeToValue(created, Instant.class),
          text(root, "summary"),
          dispute);
    } catch (JsonProcessingException e) {
      throw new PayPalException("webhook", "unreadable webhook body: " + e.getOriginalMessage(), e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
