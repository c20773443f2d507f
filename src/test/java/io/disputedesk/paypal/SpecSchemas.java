package io.disputedesk.paypal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The schemas of one PayPal spec in {@code src/test/resources/paypal/} (the mock Disputes spec
 * unless another file is named), resolved inside the spec document.
 */
final class SpecSchemas {
  static final String DISPUTES = "customer_disputes_v1.mock.json";
  static final String REPORTING = "specs/reporting_transactions_v1.json";
  static final String TRACKING = "specs/shipping_shipment_tracking_v1.json";

  private final String file;
  private final JsonNode spec;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V4,
          builder ->
              builder
                  .metaSchema(OpenApi30.getInstance())
                  .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

  SpecSchemas(ObjectMapper mapper) {
    this(mapper, DISPUTES);
  }

  SpecSchemas(ObjectMapper mapper, String file) {
    this.file = file;
    try {
      spec = mapper.readTree(Fixtures.text(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode spec() {
    return spec;
  }

  /**
   * The operation object of {@code method path}, e.g. {@code post
   * /v1/customer/disputes/{id}/appeal}.
   */
  JsonNode operation(String method, String path) {
    JsonNode op = spec.path("paths").path(path).path(method);
    if (op.isMissingNode()) {
      throw new AssertionError(file + " has no " + method + " " + path);
    }
    return op;
  }

  /**
   * The {@code $ref} of the operation's application/json request body, e.g. {@code
   * #/components/schemas/escalate}, following a {@code requestBodies} reference.
   */
  String jsonRequestRef(String method, String path) {
    JsonNode body = operation(method, path).path("requestBody");
    if (body.has("$ref")) {
      body = resolve(body.get("$ref").asText());
    }
    String ref =
        body.path("content").path("application/json").path("schema").path("$ref").asText(null);
    if (ref == null) {
      throw new AssertionError("no JSON request schema for " + method + " " + path);
    }
    return ref;
  }

  /**
   * The {@code $ref} of the JSON answer the operation declares for {@code status} ("200",
   * "default").
   */
  String jsonResponseRef(String method, String path, String status) {
    JsonNode response = operation(method, path).path("responses").path(status);
    if (response.has("$ref")) {
      response = resolve(response.get("$ref").asText());
    }
    String ref =
        response.path("content").path("application/json").path("schema").path("$ref").asText(null);
    if (ref == null) {
      throw new AssertionError("no JSON " + status + " answer for " + method + " " + path);
    }
    return ref;
  }

  /**
   * The {@code $ref} of a query parameter's schema, e.g. {@code
   * #/components/parameters/start_date/schema}; the parameter must be declared by the operation.
   */
  String parameterSchemaRef(String method, String path, String name) {
    for (JsonNode p : operation(method, path).path("parameters")) {
      String ref = p.path("$ref").asText("");
      JsonNode param = ref.isEmpty() ? p : resolve(ref);
      if (name.equals(param.path("name").asText()) && "query".equals(param.path("in").asText())) {
        return ref + "/schema";
      }
    }
    throw new AssertionError(method + " " + path + " declares no query parameter " + name);
  }

  /** Names of the query parameters the operation requires. */
  Set<String> requiredQueryParameters(String method, String path) {
    Set<String> names = new java.util.TreeSet<>();
    for (JsonNode p : operation(method, path).path("parameters")) {
      String ref = p.path("$ref").asText("");
      JsonNode param = ref.isEmpty() ? p : resolve(ref);
      if (param.path("required").asBoolean() && "query".equals(param.path("in").asText())) {
        names.add(param.path("name").asText());
      }
    }
    return names;
  }

  /** Validation messages for {@code body} against the schema at {@code ref} in the spec. */
  Set<ValidationMessage> validate(String ref, JsonNode body) {
    JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:paypal/" + file + ref));
    return schema.validate(body);
  }

  private JsonNode resolve(String ref) {
    JsonNode node = spec.at(ref.substring(1));
    if (node.isMissingNode()) {
      throw new AssertionError(file + " has no " + ref);
    }
    return node;
  }
}
