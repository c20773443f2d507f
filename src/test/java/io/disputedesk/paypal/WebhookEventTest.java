package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookEventTest {
  private final ObjectMapper mapper = Json.newMapper();

  @Test
  void createdEventCarriesThePartialDispute() {
    WebhookEvent event =
        WebhookEvent.parse(mapper, Fixtures.text("webhook-customer-dispute-created.json"));

    assertThat(event.id()).isEqualTo("WH-4M0448861G563140B-9EX36365822141321");
    assertThat(event.eventType()).isEqualTo(WebhookEvent.DISPUTE_CREATED);
    assertThat(event.resourceType()).isEqualTo("dispute");
    assertThat(event.createTime()).isEqualTo(Instant.parse("2026-11-26T13:36:33Z"));
    assertThat(event.summary()).contains("PP-000-042-663-135");
    assertThat(event.isDisputeEvent()).isTrue();
    assertThat(event.resource().disputeId()).isEqualTo("PP-000-042-663-135");
    assertThat(event.resource().status()).isEqualTo(DisputeStatus.OPEN);
    assertThat(event.resource().allows(ActionRequest.SendMessage.ACTION)).isTrue();
    assertThat(event.resource().rawJson()).contains("\"dispute_id\":\"PP-000-042-663-135\"");
  }

  @Test
  void resolvedEventCarriesTheOutcome() {
    WebhookEvent event =
        WebhookEvent.parse(mapper, Fixtures.text("webhook-customer-dispute-resolved.json"));

    assertThat(event.eventType()).isEqualTo(WebhookEvent.DISPUTE_RESOLVED);
    assertThat(event.resource().disputeOutcome().outcomeCode())
        .isEqualTo(OutcomeCode.RESOLVED_SELLER_FAVOUR);
  }

  @Test
  void deprecatedRiskEventWithoutResourceParses() {
    WebhookEvent event =
        WebhookEvent.parse(
            mapper,
            "{\"id\":\"WH-9\",\"event_type\":\"RISK.DISPUTE.CREATED\",\"create_time\":\"2026-11-26T13:36:33Z\","
                + "\"summary\":\"A dispute was created\"}");

    assertThat(event.eventType()).isEqualTo("RISK.DISPUTE.CREATED");
    assertThat(event.resource()).isNull();
    assertThat(event.isDisputeEvent()).isFalse();
  }

  @Test
  void otherResourceTypesAndUnknownFieldsAreTolerated() {
    WebhookEvent event =
        WebhookEvent.parse(
            mapper,
            "{\"id\":\"WH-1\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\","
                + "\"resource_type\":\"capture\",\"resource\":{\"id\":\"X\",\"status\":123},\"brand_new\":{\"a\":1}}");

    assertThat(event.resource()).isNull();
    assertThat(event.createTime()).isNull();
  }

  @Test
  void emptyResourceMeansNoDispute() {
    WebhookEvent event =
        WebhookEvent.parse(
            mapper,
            "{\"id\":\"WH-2\",\"event_type\":\"CUSTOMER.DISPUTE.UPDATED\",\"resource_type\":\"dispute\",\"resource\":{}}");

    assertThat(event.resource()).isNull();
    assertThat(event.isDisputeEvent()).isTrue();
  }

  @Test
  void nonJsonBodyIsAPayPalException() {
    assertThatThrownBy(() -> WebhookEvent.parse(mapper, "<html>"))
        .isInstanceOf(PayPalException.class);
    assertThatThrownBy(() -> WebhookEvent.parse(mapper, "[1,2]"))
        .isInstanceOf(PayPalException.class);
  }
}
