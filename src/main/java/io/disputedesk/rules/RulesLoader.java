package io.disputedesk.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.disputedesk.config.ConfigCheck;
import io.disputedesk.config.ConfigException;
import io.disputedesk.config.ConfigSource;
import io.disputedesk.config.Roles;
import io.disputedesk.dispute.DisputeFilter;
import io.disputedesk.dispute.FilterException;
import io.disputedesk.dispute.FilterWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Pattern DUE =
      Pattern.compile("due\\s*within\\s*(\\d{1,4})\\s*([hd])", Pattern.CASE_INSENSITIVE);
  private static final Set<String> FIELDS =
      Set.of("name", "owner", "trigger", "when", "mode", "actions");

  private final ConfigSource source;
  private final List<String> problems;
  private final RuleStepsReader steps;

  RulesLoader(ConfigSource source, List<String> problems) {
    this.source = source;
    this.problems = problems;
    this.steps = new RuleStepsReader(problems);
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
      if (!RuleStepsReader.USER.matcher(owner).matches()) {
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
      List<RuleStep> steps = this.steps.steps(label, r.get("actions"));
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

  private static String join(JsonNode array) {
    return String.join(" ", RuleStepsReader.texts(array));
  }
}
