package io.disputedesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PayPal's money object: {@code {"currency_code":"USD","value":"23.00"}} with the currency's own
 * decimals.
 */
final class SimMoney {
  private static final Set<String> ZERO_DECIMAL = Set.of("JPY", "HUF", "TWD");
  private static final Pattern VALUE = Pattern.compile("^((-?[0-9]+)|(-?([0-9]+)?[.][0-9]+))$");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

  private SimMoney() {}

  static int scale(String currency) {
    return ZERO_DECIMAL.contains(currency) ? 0 : 2;
  }

  static BigDecimal normalise(BigDecimal value, String currency) {
    return value.setScale(scale(currency), RoundingMode.HALF_UP);
  }

  static String text(BigDecimal value, String currency) {
    return normalise(value, currency).toPlainString();
  }

  static ObjectNode node(String currency, BigDecimal value) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    n.put("currency_code", currency);
    n.put("value", text(value, currency));
    return n;
  }

  /** Reads a money object from a request, answering 400 the way PayPal's schema check does. */
  static BigDecimal read(JsonNode money, String field) {
    if (!money.isObject()) {
      throw SimError.invalid(
          field, money.toString(), "INVALID_PARAMETER_SYNTAX", "Money must be an object.");
    }
    JsonNode currency = money.get("currency_code");
    JsonNode value = money.get("value");
    if (currency == null || !currency.isTextual()) {
      throw SimError.missing(field + "/currency_code");
    }
    if (value == null || !value.isTextual()) {
      throw SimError.missing(field + "/value");
    }
    if (!CURRENCY.matcher(currency.asText()).matches()) {
      throw SimError.invalid(
          field + "/currency_code",
          currency.asText(),
          "INVALID_PARAMETER_VALUE",
          "The currency code is not a valid ISO 4217 code.");
    }
    if (!VALUE.matcher(value.asText()).matches() || value.asText().length() > 32) {
      throw SimError.invalid(
          field + "/value",
          value.asText(),
          "INVALID_PARAMETER_SYNTAX",
          "The value of a field does not conform to the expected format.");
    }
    BigDecimal amount = new BigDecimal(value.asText());
    if (amount.signum() <= 0) {
      throw SimError.invalid(
          field + "/value",
          value.asText(),
          "INVALID_PARAMETER_VALUE",
          "The amount must be positive.");
    }
    return amount;
  }
}
