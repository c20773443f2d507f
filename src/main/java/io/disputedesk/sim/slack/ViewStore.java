package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Modals (a stack per user), Home tabs and the trigger ids that open modals. */
final class ViewStore {
  static final Duration TRIGGER_LIFETIME = Duration.ofSeconds(3);
  static final int MAX_STACK = 3;

  private record Trigger(String user, Instant issued) {}

  private final Clock clock;
  private final Workspace workspace;
  private final ObjectMapper mapper;
  private final ChangeFeed changes;
  private final ViewRules rules = new ViewRules();
  private final Map<String, Trigger> triggers = new HashMap<>();
  private final Set<String> exchanged = new HashSet<>();
  private final Map<String, SlackView> views = new HashMap<>();
  private final Map<String, List<String>> stacks = new HashMap<>();
  private final Map<String, String> homes = new HashMap<>();
  private long sequence;

  ViewStore(Clock clock, Workspace workspace, ObjectMapper mapper, ChangeFeed changes) {
    this.clock = clock;
    this.workspace = workspace;
    this.mapper = mapper;
    this.changes = changes;
  }

  /** A fresh trigger id for an interaction by {@code user}; valid once, for three seconds. */
  synchronized String issueTrigger(String user) {
    Instant now = clock.instant();
    long n = ++sequence;
    String id =
        now.toEpochMilli()
            + "."
            + (1_000_000_000L + n)
            + "."
            + String.format("%032x", n * 0x9E3779B97F4A7C15L);
    triggers.put(id, new Trigger(user, now));
    return id;
  }

  /** {@code views.open}: starts a new modal stack for the trigger's user. */
  synchronized SlackView open(String triggerId, JsonNode view) {
    rules.check(view, "modal");
    requireFreeExternalId(view, null);
    String user = exchange(triggerId);
    SlackView opened = store(user, view, newId(), null, null);
    stacks.put(user, new ArrayList<>(List.of(opened.id())));
    changes.bump();
    return opened;
  }

  /** {@code views.push}: adds a modal on top of the user's open stack. */
  synchronized SlackView push(String triggerId, JsonNode view) {
    rules.check(view, "modal");
    requireFreeExternalId(view, null);
    Trigger trigger = triggers.get(triggerId);
    List<String> stack = trigger == null ? null : stacks.get(trigger.user());
    if (stack != null && stack.size() >= MAX_STACK) {
      throw new MethodError("push_limit_reached");
    }
    String user = exchange(triggerId);
    if (stack == null || stack.isEmpty()) {
      throw new MethodError("invalid_arguments", List.of("no modal is open for this trigger"));
    }
    return pushOnto(user, stack, view);
  }

  /** Pushes a modal as a submission's {@code response_action: push} does: no trigger involved. */
  synchronized SlackView pushFromSubmission(String user, JsonNode view) {
    rules.check(view, "modal");
    requireFreeExternalId(view, null);
    List<String> stack = stacks.get(user);
    if (stack == null || stack.isEmpty()) {
      throw new MethodError("invalid_arguments", List.of("no modal is open for this user"));
    }
    if (stack.size() >= MAX_STACK) {
      throw new MethodError("push_limit_reached");
    }
    return pushOnto(user, stack, view);
  }

  private SlackView pushOnto(String user, List<String> stack, JsonNode view) {
    SlackView pushed = store(user, view, newId(), stack.get(0), stack.get(stack.size() - 1));
    stack.add(pushed.id());
    changes.bump();
    return pushed;
  }

  /**
   * {@code views.update}: by view id or external id, optionally guarded by the last hash. A modal
   * the user closed is gone, as in Slack: {@code not_found}.
   */
  synchronized SlackView update(String viewId, String externalId, String hash, JsonNode view) {
    SlackView current =
        (viewId != null ? Optional.ofNullable(views.get(viewId)) : byExternalId(externalId))
            .filter(v -> !"modal".equals(v.type()) || isOpen(v.id()))
            .orElseThrow(() -> new MethodError("not_found"));
    rules.check(view, current.type());
    requireFreeExternalId(view, current.id());
    if (hash != null && !hash.equals(current.hash())) {
      throw new MethodError("hash_conflict");
    }
    JsonNode old = current.json();
    SlackView updated =
        store(
            current.user(),
            view,
            current.id(),
            text(old, "root_view_id"),
            text(old, "previous_view_id"));
    changes.bump();
    return updated;
  }

  /** {@code views.publish}: sets the user's Home tab, keeping its view id across publishes. */
  synchronized SlackView publish(String user, String hash, JsonNode view) {
    rules.check(view, "home");
    String id = homes.get(user);
    requireFreeExternalId(view, id);
    if (hash != null && id != null && !hash.equals(views.get(id).hash())) {
      throw new MethodError("hash_conflict");
    }
    String viewId = id != null ? id : newId();
    SlackView published = store(user, view, viewId, viewId, null);
    homes.put(user, viewId);
    changes.bump();
    return published;
  }

  private boolean isOpen(String viewId) {
    return stacks.values().stream().anyMatch(stack -> stack.contains(viewId));
  }

  synchronized List<SlackView> stack(String user) {
    return stacks.getOrDefault(user, List.of()).stream().map(views::get).toList();
  }

  synchronized Optional<SlackView> view(String viewId) {
    return Optional.ofNullable(views.get(viewId));
  }

  synchronized Optional<SlackView> home(String user) {
    return Optional.ofNullable(homes.get(user)).map(views::get);
  }

  /** Closes every modal of the user, as when they submit with {@code clear} or press Cancel. */
  synchronized void closeAll(String user) {
    stacks.remove(user);
    changes.bump();
  }

  /**
   * Closes the user's top modal, as a plain acknowledgement of its submission or its Cancel button
   * does.
   */
  synchronized Optional<SlackView> closeTop(String user) {
    List<String> stack = stacks.get(user);
    if (stack == null || stack.isEmpty()) {
      return Optional.empty();
    }
    String closed = stack.remove(stack.size() - 1);
    if (stack.isEmpty()) {
      stacks.remove(user);
    }
    changes.bump();
    return Optional.ofNullable(views.get(closed));
  }

  private String exchange(String triggerId) {
    if (triggerId == null) {
      throw new MethodError("invalid_arguments", List.of("missing `trigger_id`"));
    }
    Trigger trigger = triggers.get(triggerId);
    if (trigger == null) {
      throw new MethodError("invalid_trigger_id");
    }
    if (exchanged.contains(triggerId)) {
      throw new MethodError("exchanged_trigger_id");
    }
    if (clock.instant().isAfter(trigger.issued().plus(TRIGGER_LIFETIME))) {
      throw new MethodError("expired_trigger_id");
    }
    exchanged.add(triggerId);
    return trigger.user();
  }

  private SlackView store(String user, JsonNode view, String id, String rootId, String previousId) {
    ObjectNode full = mapper.createObjectNode();
    full.put("id", id);
    full.put("team_id", workspace.teamId());
    full.setAll((ObjectNode) view.deepCopy());
    full.putIfAbsent("blocks", mapper.createArrayNode());
    for (String field : List.of("private_metadata", "callback_id", "external_id")) {
      full.putIfAbsent(field, full.textNode(""));
    }
    full.putIfAbsent("state", mapper.createObjectNode().set("values", mapper.createObjectNode()));
    full.putIfAbsent("clear_on_close", full.booleanNode(false));
    full.putIfAbsent("notify_on_close", full.booleanNode(false));
    String hash = clock.instant().getEpochSecond() + "." + String.format("%08x", ++sequence);
    full.put("hash", hash);
    full.put("previous_view_id", previousId);
    full.put("root_view_id", rootId == null ? id : rootId);
    full.put("app_id", workspace.appId());
    full.put("app_installed_team_id", workspace.teamId());
    full.put("bot_id", workspace.botId());
    SlackView stored =
        new SlackView(
            id, full.path("type").asText(), user, full.path("callback_id").asText(), hash, full);
    views.put(id, stored);
    return stored;
  }

  private void requireFreeExternalId(JsonNode view, String ownViewId) {
    String externalId = view.path("external_id").asText("");
    if (!externalId.isEmpty()
        && byExternalId(externalId).filter(v -> !v.id().equals(ownViewId)).isPresent()) {
      throw new MethodError("duplicate_external_id");
    }
  }

  private Optional<SlackView> byExternalId(String externalId) {
    return views.values().stream()
        .filter(v -> externalId != null && externalId.equals(v.externalId()))
        .findFirst();
  }

  private String newId() {
    return String.format("V%08X", ++sequence);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The view checks Slack makes before accepting a view (LIMITS.md). */
  private static final class ViewRules {
    void check(JsonNode view, String expectedType) {
      if (view == null || !view.isObject()) {
        throw new MethodError("invalid_arguments", List.of("missing `view`"));
      }
      if (!expectedType.equals(view.path("type").asText())) {
        throw new MethodError("invalid_arguments", List.of("view type must be " + expectedType));
      }
      if (view.toString().getBytes(StandardCharsets.UTF_8).length > 250_000) {
        throw new MethodError("view_too_large");
      }
      if (view.path("blocks").size() > 100) {
        throw new MethodError(
            "invalid_arguments",
            List.of("must contain at most 100 items [json-pointer:/view/blocks]"));
      }
      if (view.path("private_metadata").asText("").length() > 3000) {
        throw new MethodError(
            "invalid_arguments", List.of("private_metadata must be at most 3000 characters"));
      }
      if (view.path("title").path("text").asText("").length() > 24) {
        throw new MethodError("invalid_arguments", List.of("title must be at most 24 characters"));
      }
    }
  }
}
