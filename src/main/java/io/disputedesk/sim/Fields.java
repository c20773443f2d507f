package io.disputedesk.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Schema checks on request bodies, failing with PayPal's 400 issues and JSON-pointer field names.
 */
final class Fields {
  private static final Pattern COUNTRY = Pattern.compile("^([A-Z]{2}|C2)$");

  private Fields() {}

  /** A request body that must be a JSON object. */
  static JsonNode object(ObjectMapper mapper, String text) {
    return object(() -> mapper.readTree(text));
  }

  /** A request body that must be a JSON object. */
  static JsonNode object(ObjectMapper mapper, byte[] body) {
    return object(() -> mapper.readTree(body));
  }

  private interface JsonRead {
    JsonNode read() throws IOException;
  }

  private static JsonNode object(JsonRead body) {
    try {
      JsonNode n = body.read();
      if (n == null || !n.isObject()) {
        throw SimError.invalid(
            null, null, "MALFORMED_REQUEST_JSON", "The request JSON must be an object.");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw SimError.invalid(
          null, null, "MALFORMED_REQUEST_JSON", "The request JSON is not well formed.");
    } catch (IOException e) {
      throw SimError.invalid(
          null, null, "MALFORMED_REQUEST_JSON", "The request body could not be read.");
    }
  }

  /** A required string of 1..max characters. */
  static String requiredText(JsonNode in, String pointer, int max) {
    String value = optionalText(in, pointer, max);
    if (value == null) {
      throw SimError.missing(pointer);
    }
    return value;
  }

  /** An optional string of 1..max characters; null when absent. */
  static String optionalText(JsonNode in, String pointer, int max) {
    JsonNode n = in.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw SimError.invalid(
          pointer,
          n.toString(),
          "INVALID_PARAMETER_SYNTAX",
          "The value of a field does not conform to the expected format.");
    }
    String value = n.asText();
    if (value.isEmpty() || value.codePointCount(0, value.length()) > max) {
      throw SimError.invalid(
          pointer,
          null,
          "INVALID_STRING_LENGTH",
          "The value of a field is either too short or too long. Allowed: 1 to "
              + max
              + " characters.");
    }
    return value;
  }

  /** An optional value from a fixed set; null when absent. */
  static String optionalEnum(JsonNode in, String pointer, Collection<String> allowed) {
    JsonNode n = in.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || !allowed.contains(n.asText())) {
      throw SimError.invalid(
          pointer, n.asText(), "INVALID_PARAMETER_VALUE", "The value of a field is invalid.");
    }
    return n.asText();
  }

  static String requiredEnum(JsonNode in, String pointer, Collection<String> allowed) {
    String value = optionalEnum(in, pointer, allowed);
    if (value == null) {
      throw SimError.missing(pointer);
    }
    return value;
  }

  /** An optional array; null when absent. */
  static JsonNode optionalArray(JsonNode in, String pointer) {
    JsonNode n = in.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw SimError.invalid(
          pointer, null, "INVALID_PARAMETER_SYNTAX", "The field must be an array.");
    }
    return n;
  }

  /**
   * An optional return address as PayPal ships to it: an object with a street ({@code
   * address_line_1}) and a two-letter {@code country_code}, each part within address_portable's
   * length; anything else is INVALID_RETURN_SHIPPING_ADDRESS_FORMAT on the part at fault.
   */
  static JsonNode optionalAddress(JsonNode in, String pointer) {
    JsonNode n = in.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw addressFormat(pointer, "The return shipping address must be an object.");
    }
    if (!n.path("country_code").isTextual()
        || !COUNTRY.matcher(n.path("country_code").asText()).matches()) {
      throw addressFormat(
          pointer + "/country_code",
          "The return shipping address needs a valid two-letter country_code.");
    }
    if (!n.path("address_line_1").isTextual() || n.path("address_line_1").asText().isBlank()) {
      throw addressFormat(
          pointer + "/address_line_1", "The return shipping address needs address_line_1.");
    }
    for (var part :
        java.util.Map.of(
                "address_line_1",
                300,
                "address_line_2",
                300,
                "admin_area_2",
                120,
                "admin_area_1",
                300,
                "postal_code",
                60)
            .entrySet()) {
      JsonNode value = n.path(part.getKey());
      if (!value.isMissingNode()
          && !value.isNull()
          && (!value.isTextual() || value.asText().length() > part.getValue())) {
        throw addressFormat(
            pointer + "/" + part.getKey(),
            part.getKey() + " must be text of at most " + part.getValue() + " characters.");
      }
    }
    return n;
  }

  private static SimError addressFormat(String field, String description) {
    return SimError.unprocessable(
        field, null, "INVALID_RETURN_SHIPPING_ADDRESS_FORMAT", description);
  }
}
