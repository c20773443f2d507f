package io.disputedesk.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a rule's {@code actions} list into its steps; each problem names the rule and action. */
final class RuleStepsReader {
  /** The placeholders a message template may use. */
  static final Set<String> PLACEHOLDERS =
      Set.of("buyer_name", "amount", "transaction_id", "due_date");

  /** A Slack user id (U… or W…). */
  static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");

  private static final Pattern USER_OR_GROUP = Pattern.compile("[UWS][A-Z0-9]{2,}");
  private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern LIMIT =
      Pattern.compile(
          "(?:([A-Za-z]{3})\\s*:?\\s*(\\d{1,9}(?:\\.\\d{1,4})?)"
              + "|(\\d{1,9}(?:\\.\\d{1,4})?)\\s*([A-Za-z]{3}))");
  private static final int MESSAGE_MAX = 2000;

  private final List<String> problems;

  RuleStepsReader(List<String> problems) {
    this.problems = problems;
  }

  List<RuleStep> steps(String label, JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      problems.add(label + ": actions must list at least one of assign, message, accept, mention.");
      return List.of();
    }
    List<RuleStep> out = new ArrayList<>();
    int i = 0;
    for (JsonNode a : node) {
      i++;
      String where = label + ", action " + i;
      if (!a.isObject() || a.size() == 0) {
        problems.add(where + ": write it as assign: …, message: …, accept: … or mention: ….");
        continue;
      }
      String kind = a.fieldNames().next();
      JsonNode value = a.get(kind);
      RuleStep step =
          switch (kind) {
            case "assign" -> assign(where, value);
            case "message" -> message(where, value);
            case "accept" -> accept(where, value, a);
            case "mention" -> mention(where, value);
            default -> {
              problems.add(
                  where + ": unknown action \"" + kind + "\" (assign, message, accept, mention).");
              yield null;
            }
          };
      if (step != null) {
        if (out.stream().anyMatch(s -> s.getClass() == step.getClass())) {
          problems.add(
              where + ": a rule does each kind of action once; " + kind + " is listed twice.");
        }
        out.add(step);
      }
    }
    return out;
  }

  private RuleStep assign(String where, JsonNode value) {
    String v = value == null ? "" : value.asText("").trim();
    String[] parts = v.split("\\s+");
    if (parts.length == 2
        && parts[0].equalsIgnoreCase("round-robin")
        && GROUP.matcher(parts[1]).matches()) {
      return new RuleStep.Assign(null, parts[1]);
    }
    if (parts.length == 1 && USER.matcher(v).matches()) {
      return new RuleStep.Assign(v, null);
    }
    problems.add(
        where
            + ": assign takes a Slack user id (U…) or \"round-robin S…\" with a user-group id;"
            + " got \""
            + v
            + "\".");
    return null;
  }

  private RuleStep message(String where, JsonNode value) {
    String template = value == null ? "" : value.asText("").strip();
    if (template.isEmpty()) {
      problems.add(where + ": message needs the text to send the buyer.");
      return null;
    }
    if (template.length() > MESSAGE_MAX) {
      problems.add(
          where
              + ": message is "
              + template.length()
              + " characters; PayPal takes at most "
              + MESSAGE_MAX
              + ".");
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        problems.add(
            where
                + ": message has the placeholder {"
                + m.group(1)
                + "}; use {buyer_name}, {amount},"
                + " {transaction_id} or {due_date}.");
        return null;
      }
    }
    return new RuleStep.SendMessage(template);
  }

  /**
   * {@code accept: 10 USD, 9 EUR} or {@code accept: {up_to: [10 USD], allow_chargebacks: true}}.
   */
  private RuleStep accept(String where, JsonNode value, JsonNode action) {
    JsonNode upTo = value != null && value.isObject() ? value.get("up_to") : value;
    JsonNode allow =
        value != null && value.isObject()
            ? value.get("allow_chargebacks")
            : action.get("allow_chargebacks");
    String text =
        upTo == null || upTo.isNull()
            ? ""
            : upTo.isArray() ? String.join(",", texts(upTo)) : upTo.asText("");
    Map<String, BigDecimal> limits = new HashMap<>();
    for (String part : text.split("\\s*,\\s*")) {
      if (part.isBlank()) {
        continue;
      }
      Matcher m = LIMIT.matcher(part.trim());
      if (!m.matches()) {
        problems.add(
            where
                + ": accept limit \""
                + part.trim()
                + "\" is not an amount with its currency, like 10 USD.");
        return null;
      }
      String currency = (m.group(1) != null ? m.group(1) : m.group(4)).toUpperCase(Locale.ROOT);
      BigDecimal amount = new BigDecimal(m.group(1) != null ? m.group(2) : m.group(3));
      if (limits.put(currency, amount) != null) {
        problems.add(where + ": accept gives two limits for " + currency + ".");
        return null;
      }
    }
    if (limits.isEmpty()) {
      problems.add(
          where
              + ": accept needs its limit per currency, like accept: 10 USD, 9 EUR (up to that amount,"
              + " full refund; other currencies are never accepted).");
      return null;
    }
    if (allow != null && !allow.isBoolean()) {
      problems.add(where + ": allow_chargebacks must be true or false.");
      return null;
    }
    return new RuleStep.AcceptClaim(limits, allow != null && allow.asBoolean());
  }

  private RuleStep mention(String where, JsonNode value) {
    String v = value == null ? "" : value.asText("").trim();
    if (!USER_OR_GROUP.matcher(v).matches()) {
      problems.add(
          where + ": mention takes a Slack user id (U…) or user-group id (S…); got \"" + v + "\".");
      return null;
    }
    return new RuleStep.Mention(v);
  }

  /** The texts of a YAML list's items. */
  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
