package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.ActionRequest.AcceptClaim;
import io.disputedesk.paypal.ActionRequest.AcknowledgeReturnItem;
import io.disputedesk.paypal.ActionRequest.Adjudicate;
import io.disputedesk.paypal.ActionRequest.Appeal;
import io.disputedesk.paypal.ActionRequest.Escalate;
import io.disputedesk.paypal.ActionRequest.MakeOffer;
import io.disputedesk.paypal.ActionRequest.ProvideEvidence;
import io.disputedesk.paypal.ActionRequest.ProvideSupportingInfo;
import io.disputedesk.paypal.ActionRequest.RequireEvidence;
import io.disputedesk.paypal.ActionRequest.ReturnEvidence;
import io.disputedesk.paypal.ActionRequest.SendMessage;
import io.disputedesk.paypal.Dispute.Document;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DisputeActionsTest {
  private static final String ID = "PP-D-27803";
  private static final Address ADDRESS =
      new Address("1 Main St", "Suite 5", "San Jose", "CA", "95131", "US");
  private static final UploadFile POD =
      new UploadFile(
          "pod.pdf", "application/pdf", "%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII));
  private static final UploadFile PHOTO =
      new UploadFile(
          "box.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xff});

  private final ObjectMapper mapper = Json.newMapper();
  private final PayPalServer paypal = new PayPalServer();

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void sendMessageIsPlainJson() {
    RecordedRequest request = perform(new SendMessage("Shipment is in progress."), List.of());

    assertJsonAction(request, "send-message", "{'message':'Shipment is in progress.'}");
  }

  @Test
  void sendMessageWithFilesIsMultipartWithInputPart() {
    RecordedRequest request = perform(new SendMessage("Tracking attached."), List.of(POD));

    assertPost(request, "send-message");
    List<Multipart.Part> parts = Multipart.parse(request);
    assertInput(parts.get(0), "{'message':'Tracking attached.'}");
    assertFile(parts.get(1), "file1", POD);
    assertThat(parts).hasSize(2);
  }

  @Test
  void makeOfferSendsAmountTypeAddressAndInvoice() {
    RecordedRequest request =
        perform(
            new MakeOffer(
                "Refund once it is back.",
                Money.of("23.00", "USD"),
                OfferType.REFUND_WITH_RETURN,
                ADDRESS,
                "INV-2026-0042"),
            List.of());

    assertJsonAction(
        request,
        "make-offer",
        "{'note':'Refund once it is back.',"
            + "'offer_amount':{'currency_code':'USD','value':'23.00'},'offer_type':'REFUND_WITH_RETURN',"
            + "'return_shipping_address':{'address_line_1':'1 Main St','address_line_2':'Suite 5',"
            + "'admin_area_2':'San Jose','admin_area_1':'CA','postal_code':'95131','country_code':'US'},"
            + "'invoice_id':'INV-2026-0042'}");
  }

  @Test
  void replacementOfferOmitsTheAmount() {
    RecordedRequest request =
        perform(
            new MakeOffer(
                "New one on its way.", null, OfferType.REPLACEMENT_WITHOUT_REFUND, null, null),
            List.of());

    assertJsonAction(
        request,
        "make-offer",
        "{'note':'New one on its way.','offer_type':'REPLACEMENT_WITHOUT_REFUND'}");
  }

  @Test
  void acceptClaimIsJsonWithoutFiles() {
    RecordedRequest request =
        perform(
            new AcceptClaim(
                "Partial refund agreed.",
                AcceptClaimReason.COMPANY_POLICY,
                AcceptClaimType.PARTIAL_REFUND,
                Money.of("5.50", "USD"),
                null,
                "INV-1"),
            List.of());

    assertJsonAction(
        request,
        "accept-claim",
        "{'note':'Partial refund agreed.',"
            + "'accept_claim_reason':'COMPANY_POLICY','accept_claim_type':'PARTIAL_REFUND',"
            + "'refund_amount':{'currency_code':'USD','value':'5.50'},'invoice_id':'INV-1'}");
  }

  @Test
  void acceptClaimWithFilesIsMultipart() {
    RecordedRequest request =
        perform(AcceptClaim.fullRefund("Full refund to the customer."), List.of(POD));

    assertPost(request, "accept-claim");
    List<Multipart.Part> parts = Multipart.parse(request);
    assertInput(
        parts.get(0), "{'note':'Full refund to the customer.','accept_claim_type':'REFUND'}");
    assertFile(parts.get(1), "file1", POD);
  }

  @Test
  void provideEvidenceIsAlwaysMultipart() {
    RecordedRequest request =
        perform(
            new ProvideEvidence(
                List.of(EvidenceInput.proofOfFulfillment("FEDEX", "122533485", "Delivered")), null),
            List.of());

    assertPost(request, "provide-evidence");
    List<Multipart.Part> parts = Multipart.parse(request);
    assertThat(parts).hasSize(1);
    assertInput(
        parts.get(0),
        "{'evidences':[{'evidence_type':'PROOF_OF_FULFILLMENT',"
            + "'evidence_info':{'tracking_info':[{'carrier_name':'FEDEX','tracking_number':'122533485'}]},"
            + "'notes':'Delivered'}]}");
  }

  @Test
  void provideEvidenceNumbersItsFileParts() {
    RecordedRequest request =
        perform(
            new ProvideEvidence(
                List.of(
                    EvidenceInput.of(
                        "OTHER",
                        "Photos of the parcel.",
                        List.of(new Document("pod.pdf", null), new Document("box.png", null)))),
                ADDRESS),
            List.of(POD, PHOTO));

    List<Multipart.Part> parts = Multipart.parse(request);
    assertThat(parts).extracting(Multipart.Part::name).containsExactly("input", "file1", "file2");
    assertInput(
        parts.get(0),
        "{'evidences':[{'evidence_type':'OTHER','documents':[{'name':'pod.pdf'},"
            + "{'name':'box.png'}],'notes':'Photos of the parcel.'}],'return_shipping_address':"
            + "{'address_line_1':'1 Main St','address_line_2':'Suite 5','admin_area_2':'San Jose',"
            + "'admin_area_1':'CA','postal_code':'95131','country_code':'US'}}");
    assertFile(parts.get(1), "file1", POD);
    assertFile(parts.get(2), "file2", PHOTO);
  }

  @Test
  void appealIsMultipartLikeEvidence() {
    RecordedRequest request =
        perform(
            new Appeal(
                List.of(
                    EvidenceInput.proofOfRefund(List.of("9RH59355CJ1298315"), "Refunded already.")),
                null),
            List.of(POD));

    assertPost(request, "appeal");
    List<Multipart.Part> parts = Multipart.parse(request);
    assertInput(
        parts.get(0),
        "{'evidences':[{'evidence_type':'PROOF_OF_REFUND',"
            + "'evidence_info':{'refund_ids':['9RH59355CJ1298315']},'notes':'Refunded already.'}]}");
    assertFile(parts.get(1), "file1", POD);
  }

  @Test
  void escalateIsJson() {
    assertJsonAction(
        perform(new Escalate("Buyer stopped answering."), List.of()),
        "escalate",
        "{'note':'Buyer stopped answering.'}");
  }

  @Test
  void acknowledgeReturnItemIsJson() {
    assertJsonAction(
        perform(
            new AcknowledgeReturnItem(
                "I have received the item back.", AcknowledgementType.ITEM_RECEIVED),
            List.of()),
        "acknowledge-return-item",
        "{'note':'I have received the item back.','acknowledgement_type':'ITEM_RECEIVED'}");
  }

  @Test
  void acknowledgeDamagedReturnWithPhotosIsMultipart() {
    RecordedRequest request =
        perform(
            new AcknowledgeReturnItem(
                "Arrived broken.",
                AcknowledgementType.DAMAGED,
                List.of(
                    new ReturnEvidence("PROOF_OF_DAMAGE", List.of(new Document("box.png", null))))),
            List.of(PHOTO));

    assertPost(request, "acknowledge-return-item");
    List<Multipart.Part> parts = Multipart.parse(request);
    assertInput(
        parts.get(0),
        "{'note':'Arrived broken.','acknowledgement_type':'DAMAGED',"
            + "'evidences':[{'evidence_type':'PROOF_OF_DAMAGE','documents':[{'name':'box.png'}]}]}");
    assertFile(parts.get(1), "file1", PHOTO);
  }

  @Test
  void provideSupportingInfoIsJsonOrMultipart() {
    assertJsonAction(
        perform(new ProvideSupportingInfo("Customer used the usual device."), List.of()),
        "provide-supporting-info",
        "{'notes':'Customer used the usual device.'}");

    RecordedRequest withFile =
        performAgain(new ProvideSupportingInfo("Login log attached."), List.of(POD));
    List<Multipart.Part> parts = Multipart.parse(withFile);
    assertInput(parts.get(0), "{'notes':'Login log attached.'}");
    assertFile(parts.get(1), "file1", POD);
  }

  @Test
  void sandboxAdjudicateAndRequireEvidenceAreJson() {
    assertJsonAction(
        perform(new Adjudicate(Adjudicate.Outcome.SELLER_FAVOR), List.of()),
        "adjudicate",
        "{'adjudication_outcome':'SELLER_FAVOR'}");
    RecordedRequest require =
        performAgain(new RequireEvidence(RequireEvidence.Side.SELLER_EVIDENCE), List.of());
    assertJsonAction(require, "require-evidence", "{'action':'SELLER_EVIDENCE'}");
  }

  @Test
  void delayedMoneyMovementIsASuccess() {
    paypal.token().enqueueJson(202, Fixtures.text("action-response-202-accept-offer.json"));

    ActionResult result =
        paypal.client.perform(ID, AcceptClaim.fullRefund("Refund."), List.of(), "req-202");

    assertThat(result.httpStatus()).isEqualTo(202);
    assertThat(result.isDelayed()).isTrue();
    assertThat(result.links())
        .extracting(Link::href)
        .containsExactly(
            "https://api-m.sandbox.paypal.com/v1/apis/requests/84880ea1-6d89-4ac2-982e-821cce7db87e");
  }

  @Test
  void resultCarriesLinksAndDebugId() {
    paypal
        .token()
        .enqueue(
            PayPalServer.json(200, Fixtures.text("action-response-200.json"))
                .setHeader("Paypal-Debug-Id", "abc123"));

    ActionResult result = paypal.client.perform(ID, new Escalate("Escalating."), null, "req-1");

    assertThat(result.debugId()).isEqualTo("abc123");
    assertThat(result.links()).extracting(Link::rel).containsExactly("self");
  }

  @Test
  void filesOnAJsonOnlyActionAreRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> paypal.client.perform(ID, new Escalate("x"), List.of(POD), "req-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                paypal.client.perform(
                    ID,
                    new MakeOffer("x", Money.of("1.00", "USD"), OfferType.REFUND, null, null),
                    List.of(POD),
                    "req-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(paypal.server.getRequestCount()).isZero();
  }

  @Test
  void oversizedFileAndMissingRequestIdAreRefusedBeforeAnyCall() {
    UploadFile big = new UploadFile("big.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]);
    assertThatThrownBy(() -> paypal.client.perform(ID, new SendMessage("x"), List.of(big), "req-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10 MB");
    assertThatThrownBy(() -> paypal.client.perform(ID, new SendMessage("x"), List.of(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payPalRequestId");
    assertThatThrownBy(
            () -> paypal.client.perform("PP D 1", new SendMessage("x"), List.of(), "req-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(paypal.server.getRequestCount()).isZero();
  }

  @Test
  void requestsBreakingPayPalRulesAreRefused() {
    assertThatThrownBy(() -> new SendMessage(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SendMessage("x".repeat(2001)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MakeOffer("x", null, OfferType.REFUND, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new MakeOffer("x", Money.of("1", "USD"), OfferType.REFUND_WITH_RETURN, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MakeOffer("x", null, OfferType.UNKNOWN, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new AcceptClaim(
                    "x", null, AcceptClaimType.REFUND, Money.of("1", "USD"), null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ProvideEvidence(List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EvidenceInput.of("PROOF_OF_FULFILLMENT", "no tracking", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> EvidenceInput.of("OTHER", "x", List.of(new Document("no extension", null))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RecordedRequest perform(ActionRequest request, List<UploadFile> files) {
    paypal.token().enqueueJson(200, Fixtures.text("action-response-200.json"));
    ActionResult result =
        paypal.client.perform(ID, request, files, "req-" + request.action().rel());
    assertThat(result.httpStatus()).isEqualTo(200);
    return paypal.takeAfterToken();
  }

  /** A second action on the same client: the token is cached, so no token request comes first. */
  private RecordedRequest performAgain(ActionRequest request, List<UploadFile> files) {
    paypal.enqueueJson(200, Fixtures.text("action-response-200.json"));
    paypal.client.perform(ID, request, files, "req-" + request.action().rel());
    return paypal.take();
  }

  private void assertPost(RecordedRequest request, String suffix) {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v1/customer/disputes/" + ID + "/" + suffix);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + PayPalServer.TOKEN);
    assertThat(request.getHeader("PayPal-Request-Id")).startsWith("req-");
  }

  private void assertJsonAction(RecordedRequest request, String suffix, String expectedJson) {
    assertPost(request, suffix);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(json(request.getBody().readUtf8())).isEqualTo(json(expectedJson.replace('\'', '"')));
  }

  private void assertInput(Multipart.Part part, String expectedJson) {
    assertThat(part.name()).isEqualTo("input");
    assertThat(part.filename()).isNull();
    assertThat(part.contentType()).isEqualTo("application/json");
    assertThat(json(part.text())).isEqualTo(json(expectedJson.replace('\'', '"')));
  }

  private static void assertFile(Multipart.Part part, String name, UploadFile file) {
    assertThat(part.name()).isEqualTo(name);
    assertThat(part.filename()).isEqualTo(file.name());
    assertThat(part.contentType()).isEqualTo(file.contentType());
    assertThat(part.content()).isEqualTo(file.content());
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
