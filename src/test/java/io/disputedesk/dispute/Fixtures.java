package io.disputedesk.dispute;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** PayPal dispute samples from {@code src/test/resources/store}, optionally edited. */
public final class Fixtures {
  public static final String WAITING_SELLER = "detail-claim-unauthorised-waiting-seller.json";
  public static final String RESOLVED_BUYER = "detail-resolved-buyer-favour.json";
  public static final String INQUIRY_OPEN = "detail-inquiry-open-new.json";

  private Fixtures() {}

  public static Dispute dispute(String name) {
    return dispute(name, json -> {});
  }

  /** The sample after an edit of its JSON, carrying the edited JSON as its raw text. */
  public static Dispute dispute(String name, Consumer<ObjectNode> edit) {
    ObjectMapper mapper = Json.newMapper();
    try (InputStream in = Fixtures.class.getResourceAsStream("/store/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      ObjectNode json =
          (ObjectNode) mapper.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      edit.accept(json);
      String raw = mapper.writeValueAsString(json);
      return mapper.readValue(raw, Dispute.class).withRawJson(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
