package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.regex.Pattern;

/** Schema checks on request bodies, failing with PayPal's 400 issues and JSON-pointer field names. */
final class Fields {
  private static final Pattern COUNTRY = Pattern.compile("^([A-Z]{2}|C2)$");

  private Fields() {}

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
      throw SimError.invalid(pointer, n.toString(), "INVALID_PARAMETER_SYNTAX",
          "The value of a field does not conform to the expected format.");
    }
    String value = n.asText();
    if (value.isEmpty() || value.codePointCount(0, value.length()) > max) {
      throw SimError.invalid(pointer, null, "INVALID_STRING_LENGTH",
          "The value of a field is either too short or too long. Allowed: 1 to " + max + " characters.");
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
      throw SimError.invalid(pointer, n.asText(), "INVALID_PARAMETER_VALUE", "The value of a field is invalid.");
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
      throw SimError.invalid(pointer, null, "INVALID_PARAMETER_SYNTAX", "The field must be an array.");
    }
    return n;
  }

  /** An optional return address: an object whose {@code country_code} is a two-letter code. */
  static JsonNode optionalAddress(JsonNode in, String pointer) {
    JsonNode n = in.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (!n.isObject() || !n.path("country_code").isTextual()
        || !COUNTRY.matcher(n.path("country_code").asText()).matches()) {
      throw SimError.unprocessable(pointer, null, "INVALID_RETURN_SHIPPING_ADDRESS_FORMAT",
          "The return shipping address needs at least a valid two-letter country_code.");
    }
    return n;
  }
}
