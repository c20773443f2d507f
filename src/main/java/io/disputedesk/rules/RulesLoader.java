package io.disputedesk.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.config.ConfigCheck;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.config.Roles;
import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.FilterException;
import io.disputedesk.dispute.FilterWords;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code rules} list of the config file (or the {@code RULES} variable as YAML). Every
 * problem names the rule and the field, so a bad rule stops the start with a message that says what
 * to fix.
 */
public final class RulesLoader {
  /** The placeholders a message template may use. */
  static final Set<String> PLACEHOLDERS =
      Set.of("buyer_name", "amount", "transaction_id", "due_date");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern USER_OR_GROUP = Pattern.compile("[UWS][A-Z0-9]{2,}");
  private static final Pattern GROUP = Pattern.compile("S[A-Z0-9]{2,}");
  private static final Pattern DUE =
      Pattern.compile("due\\s*within\\s*(\\d{1,4})\\s*([hd])", Pattern.CASE_INSENSITIVE);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern LIMIT =
      Pattern.compile(
          "(?:([A-Za-z]{3})\\s*:?\\s*(\\d{1,9}(?:\\.\\d{1,4})?)"
              + "|(\\d{1,9}(?:\\.\\d{1,4})?)\\s*([A-Za-z]{3}))");
  private static final int MESSAGE_MAX = 2000;
  private static final Set<String> FIELDS =
      Set.of("name", "owner", "trigger", "when", "mode", "actions");

  private final ConfigSource source;
  private final List<String> problems;

  RulesLoader(ConfigSource source, List<String> problems) {
    this.source = source;
    this.problems = problems;
  }

  /** The rules of a checked source, in their order; their problems join the check's. */
  public static List<RuleSettings> read(ConfigCheck check) {
    return new RulesLoader(check.source(), check.problems())
        .load(check.accountNames(), check.roles());
  }

  List<RuleSettings> load(Set<String> accounts, Roles roles) {
    Optional<JsonNode> node;
    try {
      node = source.node("RULES");
    } catch (ConfigException e) {
      problems.addAll(e.problems());
      return List.of();
    }
    if (node.isEmpty() || node.get().isNull()) {
      return List.of();
    }
    if (!node.get().isArray()) {
      problems.add("rules must be a list of rules, each with a name, owner, trigger and actions.");
      return List.of();
    }
    List<RuleSettings> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int n = 0;
    for (JsonNode r : node.get()) {
      n++;
      int before = problems.size();
      String name = r.path("name").asText("").trim();
      String label;
      if (!NAME.matcher(name).matches()) {
        label = "Rule " + n;
        problems.add(
            label
                + ": name must be lower-case letters, digits, - and _ (up to 40), like"
                + " accept-small-inr; got \""
                + name
                + "\".");
      } else if (!names.add(name)) {
        label = "Rule \"" + name + "\"";
        problems.add(label + ": name is used by another rule; each rule needs its own name.");
      } else {
        label = "Rule \"" + name + "\"";
      }
      Iterator<String> fields = r.fieldNames();
      while (fields.hasNext()) {
        String f = fields.next();
        if (!FIELDS.contains(f)) {
          problems.add(
              label
                  + ": unknown field \""
                  + f
                  + "\" (fields: name, owner, trigger, when, mode, actions).");
        }
      }
      String owner = r.path("owner").asText("").trim();
      if (!USER.matcher(owner).matches()) {
        problems.add(
            label
                + ": owner must be the Slack user id (U…) of the person who answers for the rule; got \""
                + owner
                + "\".");
      }
      Set<RuleTrigger> triggers = EnumSet.noneOf(RuleTrigger.class);
      Duration due = triggers(label, r.get("trigger"), triggers);
      DisputeFilter when = when(label, r.get("when"), accounts);
      Boolean on = mode(label, r.get("mode"));
      List<RuleStep> steps = steps(label, r.get("actions"));
      if (problems.size() > before) {
        continue;
      }
      checkOwner(label, owner, steps, roles);
      if (problems.size() == before) {
        out.add(new RuleSettings(name, owner, triggers, due, when, on, steps));
      }
    }
    return out;
  }

  /**
   * The owner answers for what the rule does: it acts with the owner's role, so the owner must hold
   * it.
   */
  private void checkOwner(String label, String owner, List<RuleStep> steps, Roles roles) {
    boolean groupsMayGrant = roles.approvers().stream().anyMatch(id -> id.startsWith("S"));
    boolean approver = roles.approvers().contains(owner);
    if (steps.stream().anyMatch(s -> s instanceof RuleStep.AcceptClaim)
        && !approver
        && !groupsMayGrant) {
      problems.add(
          label
              + ": owner "
              + owner
              + " is not an approver (APPROVERS), and only a rule whose owner is an"
              + " approver may accept claims. Make the owner an approver, or remove the accept action.");
      return;
    }
    boolean agentGroups =
        groupsMayGrant || roles.agents().stream().anyMatch(id -> id.startsWith("S"));
    boolean agent = approver || roles.agents().contains(owner);
    boolean acts =
        steps.stream()
            .anyMatch(s -> s instanceof RuleStep.Assign || s instanceof RuleStep.SendMessage);
    if (acts && !agent && !agentGroups) {
      problems.add(
          label
              + ": owner "
              + owner
              + " is neither an agent nor an approver (AGENTS, APPROVERS), so the rule"
              + " could not assign or message. Give the rule an owner who is.");
    }
  }

  private Duration triggers(String label, JsonNode node, Set<RuleTrigger> out) {
    List<String> words = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(t -> words.add(t.asText("")));
    } else if (node != null && !node.isNull()) {
      for (String part : node.asText("").split("\\s*(,| or | and )\\s*")) {
        words.add(part);
      }
    }
    words.removeIf(String::isBlank);
    if (words.isEmpty()) {
      problems.add(
          label
              + ": trigger is missing: new dispute, status change, stage change, buyer message or"
              + " due within 48h (or a list of them).");
      return null;
    }
    Duration due = null;
    for (String w : words) {
      Matcher m = DUE.matcher(w.trim());
      if (m.matches()) {
        long count = Long.parseLong(m.group(1));
        due = m.group(2).equalsIgnoreCase("d") ? Duration.ofDays(count) : Duration.ofHours(count);
        if (due.isZero() || due.compareTo(Duration.ofDays(30)) > 0) {
          problems.add(label + ": trigger \"" + w.trim() + "\" must be between 1h and 30d.");
          return null;
        }
        out.add(RuleTrigger.DUE_WITHIN);
        continue;
      }
      RuleTrigger t = RuleTrigger.of(w);
      if (t == null) {
        problems.add(
            label
                + ": trigger \""
                + w.trim()
                + "\" is not one of new dispute, status change, stage change,"
                + " buyer message, due within <hours>h.");
        return null;
      }
      out.add(t);
    }
    return due;
  }

  private DisputeFilter when(String label, JsonNode node, Set<String> accounts) {
    String words =
        node == null || node.isNull()
            ? "everything"
            : node.isArray() ? join(node) : node.asText("").trim();
    try {
      DisputeFilter filter =
          FilterWords.parse(words.isEmpty() ? "everything" : words, FilterWords.Use.ROUTE);
      List<String> unknown = filter.accounts().stream().filter(a -> !accounts.contains(a)).toList();
      if (!unknown.isEmpty()) {
        problems.add(
            label
                + ": when names account "
                + String.join(", ", unknown)
                + ", which is not configured.");
      }
      return filter;
    } catch (FilterException e) {
      problems.add(label + ": when: " + e.getMessage());
      return null;
    }
  }

  private Boolean mode(String label, JsonNode node) {
    // YAML 1.1 reads a bare on as true (and off as false).
    if (node != null && node.isBoolean()) {
      if (node.asBoolean()) {
        return true;
      }
      problems.add(
          label
              + ": mode must be dry-run or on; to stop a rule, pause it (/disputes rules pause <name>) or"
              + " remove it.");
      return false;
    }
    String mode =
        node == null || node.isNull() ? "dry-run" : node.asText("").trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "dry-run", "dry run", "dryrun", "" -> false;
      case "on" -> true;
      default -> {
        problems.add(
            label
                + ": mode must be dry-run (the default: say what it would do) or on (act); got \""
                + mode
                + "\".");
        yield false;
      }
    };
  }

  private List<RuleStep> steps(String label, JsonNode node) {
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

  private static String join(JsonNode array) {
    return String.join(" ", texts(array));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
