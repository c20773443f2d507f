package io.disputedesk.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PayPal sandbox negative-test values: a dispute id (or, for list, a {@code
 * disputed_transaction_id}) of {@code ERRDIS0xx} answers with a fixed error instead of doing
 * anything (DISPUTES-API.md section 8).
 */
final class TestValues {
  private record Err(int status, String name, String issue) {}

  /** The eight errors every operation's range starts with, in PayPal's order. */
  private static final List<Err> COMMON =
      List.of(
          new Err(403, "FORBIDDEN", "PERMISSION_DENIED"),
          new Err(404, "RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID"),
          new Err(406, "NOT_ACCEPTABLE", "NOT_ACCEPTABLE"),
          new Err(415, "UNSUPPORTED_MEDIA_TYPE", "UNSUPPORTED_MEDIA_TYPE"),
          new Err(429, "RATE_LIMIT_REACHED", "RATE_LIMIT_REACHED"),
          new Err(503, "SERVICE_UNAVAILABLE", "SERVICE_UNAVAILABLE"),
          new Err(500, "INTERNAL_SERVICE_ERROR", "INTERNAL_SERVICE_ERROR"),
          new Err(403, "NOT_AUTHORIZED", "AUTHORIZATION_ERROR"));

  private static final Err UNPROCESSABLE =
      new Err(422, "UNPROCESSABLE_ENTITY", "UNPROCESSABLE_ENTITY");
  private static final List<String> EVIDENCE_ISSUES =
      List.of(
          "INVALID_EVIDENCE_FILE",
          "INVALID_EVIDENCE_TYPE_PROOF_OF_FULFILLMENT",
          "ITEM_ID_IS_MANDATORY_FOR_MULTIPLE_EVIDENCES",
          "MISSING_EVIDENCE_INFO",
          "MISSING_EVIDENCE_TYPE",
          "MISSING_REFUND_ID",
          "MISSING_TRACKING_INFO");

  private final Map<String, Map<String, Err>> byOperation = new HashMap<>();

  TestValues() {
    Map<String, Err> list = range(23);
    list.put("ERRDIS031", new Err(400, "INVALID_REQUEST", "DATE_CAN_NOT_BE_IN_FUTURE"));
    list.put("ERRDIS032", new Err(400, "INVALID_REQUEST", "INVALID_PAGE_SIZE"));
    list.put("ERRDIS033", new Err(400, "INVALID_REQUEST", "INVALID_START_TIME_FORMAT"));
    list.put("ERRDIS034", new Err(400, "INVALID_REQUEST", "INVALID_START_TIME_RANGE"));
    byOperation.put("list", list);
    byOperation.put("get", range(15));
    byOperation.put("send-message", withUnprocessable(range(91), 99));
    byOperation.put("make-offer", withUnprocessable(range(100), 108));
    byOperation.put("escalate", withUnprocessable(range(82), 90));
    byOperation.put("acknowledge-return-item", withUnprocessable(range(109), 117));
    Map<String, Err> accept = withUnprocessable(range(51), 59);
    List<String> acceptIssues =
        List.of(
            "AMOUNT_SHOULD_NOT_BE_PASSED",
            "INSUFFICIENT_FUNDS",
            "INTANGIBLE_ITEM_CANNOT_BE_RETURNED",
            "INVALID_RETURN_SHIPPING_ADDRESS_FORMAT",
            "MISSING_RETURN_SHIPPING_ADDRESS");
    for (int i = 0; i < acceptIssues.size(); i++) {
      accept.put(code(60 + i), new Err(422, "UNPROCESSABLE_ENTITY", acceptIssues.get(i)));
    }
    accept.put(code(65), UNPROCESSABLE);
    byOperation.put("accept-claim", accept);
    byOperation.put("provide-evidence", withEvidenceIssues(withUnprocessable(range(35), 43), 44));
    byOperation.put("appeal", withEvidenceIssues(withUnprocessable(range(66), 74), 75));
  }

  /** The error for this operation and value, if the value is one of PayPal's test values. */
  Optional<SimError> errorFor(String operation, String value) {
    if (value == null || !value.startsWith("ERRDIS")) {
      return Optional.empty();
    }
    Err err = byOperation.getOrDefault(operation, Map.of()).get(value);
    if (err == null) {
      return Optional.empty();
    }
    SimError e =
        SimError.of(
            err.status(),
            err.name(),
            "Simulated error for test value " + value + ".",
            List.of(
                new SimError.Detail(
                    null, value, null, err.issue(), "Negative test value " + value + ".")));
    return Optional.of(err.status() == 429 ? e.withHeader("Retry-After", "1") : e);
  }

  private static Map<String, Err> range(int first) {
    Map<String, Err> m = new HashMap<>();
    for (int i = 0; i < COMMON.size(); i++) {
      m.put(code(first + i), COMMON.get(i));
    }
    return m;
  }

  private static Map<String, Err> withUnprocessable(Map<String, Err> m, int n) {
    m.put(code(n), UNPROCESSABLE);
    return m;
  }

  private static Map<String, Err> withEvidenceIssues(Map<String, Err> m, int first) {
    for (int i = 0; i < EVIDENCE_ISSUES.size(); i++) {
      m.put(code(first + i), new Err(422, "UNPROCESSABLE_ENTITY", EVIDENCE_ISSUES.get(i)));
    }
    return m;
  }

  private static String code(int n) {
    return String.format("ERRDIS%03d", n);
  }
}
