package io.disputedesk.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.testing.ShiftableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EvidenceUploadTest {
  private static final String FULFILMENT =
      "{\"evidences\":[{\"evidence_type\":\"PROOF_OF_FULFILLMENT\","
          + "\"evidence_info\":{\"tracking_info\":[{\"carrier_name\":\"FEDEX\",\"tracking_number\":\"122533485\"}]},"
          + "\"notes\":\"Delivered\"}]}";
  private static final byte[] PDF = "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII);

  private final ShiftableClock clock = new ShiftableClock(Instant.parse("2026-11-27T10:00:00Z"));
  private final PayPalSimulator sim = PayPalSimulator.start(SimulatorOptions.defaults(clock));
  private final SimClient client = new SimClient(sim).authenticate();

  @AfterEach
  void close() {
    sim.close();
  }

  private String claim() {
    return sim.createDispute(
        SimDisputeSpec.builder().reason(SimReason.UNAUTHORISED).amount("149.99", "USD").build());
  }

  @Test
  void multipartEvidenceWithAFileMovesAClaimUnderReview() {
    String id = claim();

    HttpResponse<String> r =
        client.multipart(
            id,
            "provide-evidence",
            FULFILMENT,
            new SimClient.FilePart("file1", "pod.pdf", "application/pdf", PDF));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode d = sim.get(id);
    assertThat(d.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(SellerActionsTest.rels(d)).containsExactly("self", "provide_supporting_info");
    JsonNode submitted = d.get("evidences").get(d.get("evidences").size() - 1);
    assertThat(submitted.get("source").asText()).isEqualTo("SUBMITTED_BY_SELLER");
    assertThat(submitted.at("/evidence_info/tracking_info/0/tracking_number").asText())
        .isEqualTo("122533485");
    assertThat(submitted.at("/documents/0/name").asText()).isEqualTo("pod.pdf");
    // The fulfilment request is answered; PayPal's second request (OTHER) stays open.
    assertThat(d.get("evidences"))
        .filteredOn(e -> e.get("source").asText().equals("REQUESTED_FROM_SELLER"))
        .extracting(e -> e.get("evidence_type").asText())
        .containsExactly("OTHER");
  }

  @Test
  void inquiryEvidenceWaitsForTheBuyer() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());

    HttpResponse<String> r = client.multipart(id, "provide-evidence", FULFILMENT);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(sim.get(id).get("status").asText()).isEqualTo("WAITING_FOR_BUYER_RESPONSE");
    assertThat(sim.get(id).get("evidences").findValuesAsText("source"))
        .doesNotContain("REQUESTED_FROM_SELLER");
  }

  @Test
  void evidenceAsPlainJsonIsAnUnsupportedMediaType() {
    String id = claim();

    HttpResponse<String> json = client.action(id, "provide-evidence", FULFILMENT);
    HttpResponse<String> noInput =
        client.multipart(
            id,
            "provide-evidence",
            null,
            new SimClient.FilePart("file1", "pod.pdf", "application/pdf", PDF));

    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(SimClient.json(json).get("name").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(noInput.statusCode()).isEqualTo(415);
  }

  @Test
  void wrongFileTypesAndOversizedFilesAreRejected() {
    String id = claim();

    HttpResponse<String> exe =
        client.multipart(
            id,
            "provide-evidence",
            FULFILMENT,
            new SimClient.FilePart("file1", "invoice.exe", "application/octet-stream", PDF));
    HttpResponse<String> big =
        client.multipart(
            id,
            "provide-evidence",
            FULFILMENT,
            new SimClient.FilePart("file1", "scan.png", "image/png", new byte[10 * 1024 * 1024]));

    assertThat(exe.statusCode()).isEqualTo(422);
    assertThat(SimClient.issue(exe)).isEqualTo("INVALID_EVIDENCE_FILE");
    assertThat(SimClient.issue(big)).isEqualTo("INVALID_EVIDENCE_FILE");
    assertThat(sim.get(id).get("status").asText()).isEqualTo("WAITING_FOR_SELLER_RESPONSE");
  }

  @Test
  void allowedImageTypesAreAccepted() {
    String id = claim();

    HttpResponse<String> r =
        client.multipart(
            id,
            "provide-evidence",
            "{\"evidences\":[{\"evidence_type\":\"OTHER\",\"notes\":\"Photos\"}]}",
            new SimClient.FilePart("file1", "a.JPG", "image/jpeg", PDF),
            new SimClient.FilePart("file2", "b.gif", "image/gif", PDF));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(sim.get(id).get("evidences").findValuesAsText("name")).contains("a.JPG", "b.gif");
  }

  @Test
  void evidenceRulesMatchPayPals() {
    String id = claim();
    String refundId =
        sim.createDispute(SimDisputeSpec.builder().reason(SimReason.CREDIT_NOT_PROCESSED).build());

    assertThat(
            SimClient.issue(
                client.multipart(
                    id,
                    "provide-evidence",
                    "{\"evidences\":[{\"evidence_type\":\"PROOF_OF_FULFILLMENT\",\"notes\":\"Sent\"}]}")))
        .isEqualTo("MISSING_TRACKING_INFO");
    assertThat(
            SimClient.issue(
                client.multipart(
                    id,
                    "provide-evidence",
                    "{\"evidences\":[{\"evidence_type\":\"PROOF_OF_REFUND\"}]}")))
        .isEqualTo("MISSING_REFUND_ID");
    assertThat(
            SimClient.issue(
                client.multipart(id, "provide-evidence", "{\"evidences\":[{\"notes\":\"?\"}]}")))
        .isEqualTo("MISSING_EVIDENCE_TYPE");
    assertThat(SimClient.issue(client.multipart(id, "provide-evidence", "{\"evidences\":[]}")))
        .isEqualTo("MISSING_REQUIRED_PARAMETER");
    assertThat(SimClient.issue(client.multipart(refundId, "provide-evidence", FULFILMENT)))
        .isEqualTo("INVALID_EVIDENCE_TYPE_PROOF_OF_FULFILLMENT");
    assertThat(
            client
                .multipart(
                    refundId,
                    "provide-evidence",
                    "{\"evidences\":[{\"evidence_type\":\"PROOF_OF_REFUND\",\"evidence_info\":{\"refund_ids\":[\"5TU94784L2154312A\"]}}]}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void carriersAreSentAsPayPalsCodesOrAsOtherWithTheirName() {
    String id = claim();
    String tracked =
        "{\"evidences\":[{\"evidence_type\":\"PROOF_OF_FULFILLMENT\",\"evidence_info\":{\"tracking_info\":"
            + "[{%s,\"tracking_number\":\"H01HYA0012345678\"}]}}]}";

    HttpResponse<String> unknown =
        client.multipart(id, "provide-evidence", tracked.formatted("\"carrier_name\":\"EVRI\""));
    HttpResponse<String> otherWithoutName =
        client.multipart(id, "provide-evidence", tracked.formatted("\"carrier_name\":\"OTHER\""));
    HttpResponse<String> other =
        client.multipart(
            id,
            "provide-evidence",
            tracked.formatted("\"carrier_name\":\"OTHER\",\"carrier_name_other\":\"Evri\""));

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(SimClient.json(unknown).at("/details/0/field").asText())
        .isEqualTo("/evidences/0/evidence_info/tracking_info/0/carrier_name");
    assertThat(SimClient.issue(otherWithoutName)).isEqualTo("MISSING_TRACKING_INFO");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
  }

  @Test
  void proofOfReturnNeedsEvidenceInfo() {
    String id = claim();

    HttpResponse<String> r =
        client.multipart(
            id,
            "provide-evidence",
            "{\"evidences\":[{\"evidence_type\":\"PROOF_OF_RETURN\",\"notes\":\"It came back.\"}]}");

    assertThat(SimClient.issue(r)).isEqualTo("MISSING_EVIDENCE_INFO");
  }

  @Test
  void severalItemsNeedAnItemIdOnEachEvidence() {
    String id =
        sim.createDispute(
            SimDisputeSpec.builder()
                .reason(SimReason.UNAUTHORISED)
                .item("Mug", "PRODUCT")
                .addItem("Plate", "PRODUCT")
                .build());

    HttpResponse<String> r = client.multipart(id, "provide-evidence", FULFILMENT);

    assertThat(SimClient.issue(r)).isEqualTo("ITEM_ID_IS_MANDATORY_FOR_MULTIPLE_EVIDENCES");
  }

  @Test
  void appealReopensAnAppealableDecisionAtTheNextStage() {
    String id = claim();
    sim.resolve(id, SimOutcome.RESOLVED_BUYER_FAVOUR, null, true);

    HttpResponse<String> r =
        client.multipart(
            id,
            "appeal",
            FULFILMENT,
            new SimClient.FilePart("file1", "pod.pdf", "application/pdf", PDF));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode d = sim.get(id);
    assertThat(d.get("dispute_life_cycle_stage").asText()).isEqualTo("PRE_ARBITRATION");
    assertThat(d.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(d.has("dispute_outcome")).isFalse();
    assertThat(client.multipart(id, "appeal", FULFILMENT).statusCode()).isEqualTo(422);
  }

  @Test
  void sendMessageAcceptsMultipartWithAnAttachment() {
    String id = sim.createDispute(SimDisputeSpec.builder().build());

    HttpResponse<String> r =
        client.multipart(
            id,
            "send-message",
            "{\"message\":\"Label attached\"}",
            new SimClient.FilePart("file1", "label.png", "image/png", PDF));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode last = sim.get(id).get("messages").get(0);
    assertThat(last.get("content").asText()).isEqualTo("Label attached");
    assertThat(last.at("/documents/0/name").asText()).isEqualTo("label.png");
  }
}
