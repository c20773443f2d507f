package io.disputedesk.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * PayPal samples from {@code src/test/resources/paypal/}, read as disputes, optionally edited
 * first.
 */
public final class PayPalSamples {
  /** Every {@code detail-*.json} sample. */
  public static final List<String> DETAILS =
      List.of(
          "detail-claim-resolved-appealable.json",
          "detail-claim-unauthorised-waiting-seller.json",
          "detail-claim-under-review.json",
          "detail-external-credit-not-processed.json",
          "detail-inquiry-inr-waiting-seller.json",
          "detail-inquiry-open-new.json",
          "detail-inquiry-snad-acknowledge-return.json",
          "detail-inquiry-snad-offer-pending.json",
          "detail-resolved-buyer-favour.json",
          "detail-resolved-seller-favour.json");

  private static final ObjectMapper MAPPER = Json.newMapper();

  private PayPalSamples() {}

  public static Dispute dispute(String name) {
    return dispute(name, json -> {});
  }

  /** The sample after an edit of its JSON, carrying the edited JSON as its raw text. */
  public static Dispute dispute(String name, Consumer<ObjectNode> edit) {
    ObjectNode json = json(name);
    edit.accept(json);
    return parse(json);
  }

  public static ObjectNode json(String name) {
    try (InputStream in = PayPalSamples.class.getResourceAsStream("/paypal/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return (ObjectNode) MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Dispute parse(ObjectNode json) {
    try {
      String raw = MAPPER.writeValueAsString(json);
      return MAPPER.readValue(raw, Dispute.class).withRawJson(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
