package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.ActionRequest.UpdateContactDetails;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partial update of a dispute ({@code PATCH /v1/customer/disputes/{id}}): the seller's contact
 * details.
 */
class DisputePatchTest {
  private final ObjectMapper mapper = Json.newMapper();
  private final PayPalServer paypal = new PayPalServer();

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void contactDetailsGoOutOnceAsAJsonPatchOfCommunicationDetails() throws Exception {
    paypal
        .token()
        .enqueue(new MockResponse().setResponseCode(204).setHeader("Paypal-Debug-Id", "p1"));

    ActionResult result =
        paypal.client.perform(
            "PP-D-27803",
            new UpdateContactDetails(
                "disputes@shop.example", "Send photos here, we answer within a day."),
            null,
            "req-p1");

    RecordedRequest request = paypal.takeAfterToken();
    assertThat(request.getMethod()).isEqualTo("PATCH");
    assertThat(request.getPath()).isEqualTo("/v1/customer/disputes/PP-D-27803");
    assertThat(request.getHeader("PayPal-Request-Id")).isEqualTo("req-p1");
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(mapper.readTree(request.getBody().readUtf8()))
        .isEqualTo(
            mapper.readTree(
                """
        [{"op":"add","path":"/communication_details",
          "value":{"email":"disputes@shop.example","note":"Send photos here, we answer within a day."}}]
        """));
    assertThat(result.httpStatus()).isEqualTo(204);
    assertThat(result.links()).isEmpty();
    assertThat(result.debugId()).isEqualTo("p1");
  }

  @Test
  void withoutANoteOnlyTheEmailIsSent() throws Exception {
    paypal.token().enqueue(new MockResponse().setResponseCode(204));

    paypal.client.perform(
        "PP-D-27803", new UpdateContactDetails("a@b.example", null), List.of(), "req-p2");

    assertThat(mapper.readTree(paypal.takeAfterToken().getBody().readUtf8()).get(0).get("value"))
        .isEqualTo(mapper.readTree("{\"email\":\"a@b.example\"}"));
  }

  @Test
  void aRefusalIsAPayPalFailureAndAServerErrorLeavesTheOutcomeUnknown() {
    paypal
        .token()
        .enqueueJson(
            400,
            "{\"name\":\"INVALID_REQUEST\",\"message\":\"bad\",\"debug_id\":\"p3\","
                + "\"details\":[{\"issue\":\"INVALID_PARAMETER_SYNTAX\"}]}")
        .enqueueJson(
            500, "{\"name\":\"INTERNAL_SERVER_ERROR\",\"message\":\"x\",\"debug_id\":\"p4\"}");
    UpdateContactDetails contact = new UpdateContactDetails("a@b.example", null);

    assertThatThrownBy(() -> paypal.client.perform("PP-D-1", contact, null, "r1"))
        .isExactlyInstanceOf(PayPalException.class)
        .isInstanceOfSatisfying(
            PayPalException.class, e -> assertThat(e.operation()).isEqualTo("disputes.patch"));
    assertThatThrownBy(() -> paypal.client.perform("PP-D-1", contact, null, "r2"))
        .isInstanceOf(ActionOutcomeUnknownException.class);
    assertThat(paypal.server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void thePatchIsAllowedWhileTheDisputeIsOpenWithoutAnyLink() throws Exception {
    Dispute open = mapper.readValue(Fixtures.text("detail-inquiry-open-new.json"), Dispute.class);
    Dispute resolved =
        mapper.readValue(Fixtures.text("detail-resolved-buyer-favour.json"), Dispute.class);

    assertThat(open.allows(ActionRequest.UpdateContactDetails.ACTION)).isTrue();
    assertThat(resolved.allows(ActionRequest.UpdateContactDetails.ACTION)).isFalse();
    assertThat(
            ActionRequest.UpdateContactDetails.ACTION.matches(
                new Link("https://x/v1/customer/disputes/PP-D-1", "self", "GET")))
        .isFalse();
    assertThat(new DisputeActions(List.of(ActionRequest.UpdateContactDetails.ACTION)).named(null))
        .isEmpty();
  }

  @Test
  void contactDetailsBreakingTheSchemaAreRefused() {
    assertThatThrownBy(() -> new UpdateContactDetails("not-an-email", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UpdateContactDetails("a@-b.example", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UpdateContactDetails("a@b.example", "x".repeat(2001)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UpdateContactDetails("a@b.example", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                paypal.client.perform(
                    "PP-D-1",
                    new UpdateContactDetails("a@b.example", null),
                    List.of(new UploadFile("x.pdf", "application/pdf", new byte[] {1})),
                    "r"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
