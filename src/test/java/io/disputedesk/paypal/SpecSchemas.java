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

/** The request-body schemas of the mock Disputes spec, resolved inside the spec document. */
final class SpecSchemas {
  private static final String SPEC = "paypal/customer_disputes_v1.mock.json";

  private final JsonNode spec;
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      builder -> builder.metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

  SpecSchemas(ObjectMapper mapper) {
    try {
      spec = mapper.readTree(Fixtures.text("customer_disputes_v1.mock.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode spec() {
    return spec;
  }

  /** The operation object of {@code method path}, e.g. {@code post /v1/customer/disputes/{id}/appeal}. */
  JsonNode operation(String method, String path) {
    JsonNode op = spec.path("paths").path(path).path(method);
    if (op.isMissingNode()) {
      throw new AssertionError("spec has no " + method + " " + path);
    }
    return op;
  }

  /** The {@code $ref} of the operation's application/json request body, e.g. {@code #/components/schemas/escalate}. */
  String jsonRequestRef(String method, String path) {
    String ref = operation(method, path).path("requestBody").path("content").path("application/json")
        .path("schema").path("$ref").asText(null);
    if (ref == null) {
      throw new AssertionError("no JSON request schema for " + method + " " + path);
    }
    return ref;
  }

  /** Validation messages for {@code body} against the schema at {@code ref} in the spec. */
  Set<ValidationMessage> validate(String ref, JsonNode body) {
    JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + SPEC + ref));
    return schema.validate(body);
  }
}
