package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One dispute's endpoints: its details ({@code GET}), its {@code PATCH}, and the seller's actions
 * on it, each seen only by the merchant it belongs to.
 */
final class DisputeEndpoints {
  private static final Pattern DISPUTE_ID = Pattern.compile("^[A-Za-z0-9-]{1,255}$");
  private static final Pattern EMAIL = Pattern.compile("^.+@[^\"\\-].+$");

  private final SimDisputes store;
  private final DisputeJson json;
  private final SellerActions actions;
  private final TestValues testValues;
  private final Faults faults;
  private final ObjectMapper mapper;
  private final Clock clock;

  DisputeEndpoints(
      SimDisputes store,
      DisputeJson json,
      TestValues testValues,
      Faults faults,
      ObjectMapper mapper,
      Clock clock) {
    this.store = store;
    this.json = json;
    this.actions = new SellerActions(json);
    this.testValues = testValues;
    this.faults = faults;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Another merchant's dispute does not exist for this caller. */
  private void checkMerchant(String id, String merchant) {
    if (id != null
        && store.read(id, d -> d.merchant).filter(merchant::equals).isEmpty()
        && store.contains(id)) {
      throw SimError.notFound(id);
    }
  }

  SimResponse get(String id, String merchant) {
    checkId("get", id);
    ObjectNode detail =
        store
            .read(id, d -> d.merchant.equals(merchant) ? json.detail(d) : null)
            .orElseThrow(() -> SimError.notFound(id));
    return faults
        .takeSpoilt(id)
        .map(fault -> spoil(detail, fault))
        .orElseGet(() -> SimResponse.ok(detail));
  }

  private SimResponse spoil(ObjectNode detail, DetailsFault fault) {
    if (fault == DetailsFault.MISSING_AMOUNT) {
      detail.remove("dispute_amount");
      return SimResponse.ok(detail);
    }
    String text = detail.toString();
    return SimResponse.raw(text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8));
  }

  /** A seller action on the merchant's dispute. */
  SimResponse action(
      String operation, String id, String merchant, String contentType, byte[] body) {
    checkMerchant(id, merchant);
    checkId(operation, id);
    ActionInput input =
        ActionInput.parse(
            contentType, body, mapper, SellerActions.MULTIPART_ONLY.contains(operation));
    Instant now = SimTime.millis(clock.instant());
    if (!store.update(id, d -> actions.apply(operation, d, input, now))) {
      throw SimError.notFound(id);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.putArray("links").add(DisputeJson.link(json.disputeUrl(id), "self", "GET"));
    return SimResponse.ok(out);
  }

  /** PATCH supports what a merchant may change: {@code /communication_details}. */
  SimResponse patch(String id, String merchant, byte[] body) {
    checkMerchant(id, merchant);
    checkId("patch", id);
    JsonNode ops;
    try {
      ops = mapper.readTree(body);
    } catch (IOException e) {
      throw SimError.invalid(
          null, null, "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.");
    }
    if (ops == null || !ops.isArray() || ops.isEmpty()) {
      throw SimError.invalid(
          null, null, "MALFORMED_REQUEST_JSON", "The body must be a JSON Patch array.");
    }
    for (int i = 0; i < ops.size(); i++) {
      JsonNode op = ops.get(i);
      String kind = op.path("op").asText();
      if (!(kind.equals("add") || kind.equals("replace"))
          || !"/communication_details".equals(op.path("path").asText())
          || !op.path("value").isObject()) {
        throw SimError.invalid(
            "/" + i + "/path",
            op.path("path").asText(),
            "INVALID_PARAMETER_VALUE",
            "Only add or replace of /communication_details with an object is supported.");
      }
      checkContact(op.get("value"), "/" + i + "/value");
    }
    Instant now = SimTime.millis(clock.instant());
    boolean found =
        store.update(
            id,
            d -> {
              for (JsonNode op : ops) {
                ObjectNode details = op.get("value").deepCopy();
                details.put("time_posted", SimTime.format(now));
                d.communicationDetails = details;
              }
            });
    if (!found) {
      throw SimError.notFound(id);
    }
    return SimResponse.noContent();
  }

  /**
   * The spec's {@code communication_details}: an email address and a note of 1 to 2000 characters.
   */
  private static void checkContact(JsonNode value, String at) {
    JsonNode email = value.get("email");
    if (email != null
        && (!email.isTextual()
            || email.asText().length() < 3
            || email.asText().length() > 254
            || !EMAIL.matcher(email.asText()).matches())) {
      throw SimError.invalid(
          at + "/email", email.asText(), "INVALID_PARAMETER_SYNTAX", "Not an email address.");
    }
    JsonNode note = value.get("note");
    if (note != null
        && (!note.isTextual() || note.asText().isEmpty() || note.asText().length() > 2000)) {
      throw SimError.invalid(
          at + "/note", null, "INVALID_STRING_LENGTH", "The note is 1 to 2000 characters.");
    }
  }

  private void checkId(String operation, String id) {
    testValues
        .errorFor(operation, id)
        .ifPresent(
            e -> {
              throw e;
            });
    if (id == null || !DISPUTE_ID.matcher(id).matches()) {
      throw SimError.badRequest(
          "id",
          id,
          "path",
          "INVALID_PARAMETER_SYNTAX",
          "The dispute id must match ^[A-Za-z0-9-]+$ and be 1 to 255 characters.");
    }
  }
}
