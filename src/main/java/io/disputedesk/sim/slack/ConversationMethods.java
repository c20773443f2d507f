package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@code conversations.history}, {@code conversations.replies} and {@code conversations.open}. */
final class ConversationMethods {
  private static final String CURSOR_PREFIX = "next_ts:";

  private final MessageStore messages;
  private final Directory directory;
  private final Channels channels;
  private final MessageJson json;
  private final ObjectMapper mapper;

  ConversationMethods(
      MessageStore messages,
      Directory directory,
      Channels channels,
      MessageJson json,
      ObjectMapper mapper) {
    this.messages = messages;
    this.directory = directory;
    this.channels = channels;
    this.json = json;
    this.mapper = mapper;
  }

  void registerInto(Map<String, Method> table) {
    table.put("conversations.history", this::history);
    table.put("conversations.replies", this::replies);
    table.put("conversations.open", this::open);
  }

  /**
   * Top-level messages, newest first, within (oldest, latest), paged by {@code limit} and cursor.
   */
  private ObjectNode history(ApiCall call) {
    Params params = new Params(call, mapper);
    String channel = channels.existing(call.param("channel"));
    boolean inclusive = params.flag("inclusive");
    Predicate<SlackMessage> window = window(params, inclusive);
    List<SlackMessage> newestFirst = new ArrayList<>(messages.topLevel(channel));
    Collections.reverse(newestFirst);
    List<SlackMessage> candidates = newestFirst.stream().filter(window).toList();
    ObjectNode out = page(candidates, params, 100, true, params.flag("include_all_metadata"));
    out.put("pin_count", 0);
    return out;
  }

  /** The parent then its replies, oldest first. */
  private ObjectNode replies(ApiCall call) {
    Params params = new Params(call, mapper);
    String channel = channels.existing(call.param("channel"));
    String ts = params.required("ts", "thread_not_found");
    SlackMessage parent =
        messages.find(channel, ts).orElseThrow(() -> new MethodError("thread_not_found"));
    List<SlackMessage> thread = new ArrayList<>();
    thread.add(parent);
    if (!parent.isReply()) {
      thread.addAll(messages.replies(channel, ts));
    }
    return page(thread, params, 1000, false, params.flag("include_all_metadata"));
  }

  private ObjectNode open(ApiCall call) {
    Params params = new Params(call, mapper);
    String existing = params.optional("channel").orElse(null);
    if (existing != null) {
      return channelResult(channels.existing(existing));
    }
    String users = params.required("users", "users_list_not_supplied");
    List<String> ids =
        Arrays.stream(users.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    if (ids.isEmpty()) {
      throw new MethodError("users_list_not_supplied");
    }
    for (String id : ids) {
      directory.user(id).orElseThrow(() -> new MethodError("user_not_found"));
    }
    String channel =
        ids.size() == 1 ? Directory.dmChannel(ids.get(0)) : Directory.groupDmChannel(ids);
    messages.addChannel(channel);
    return channelResult(channel);
  }

  private ObjectNode channelResult(String channel) {
    ObjectNode out = mapper.createObjectNode().put("no_op", false).put("already_open", false);
    out.putObject("channel").put("id", channel);
    return out;
  }

  private static Predicate<SlackMessage> window(Params params, boolean inclusive) {
    BigDecimal latest =
        params.optional("latest").map(t -> Ts.parse(t, "invalid_ts_latest")).orElse(null);
    BigDecimal oldest =
        params.optional("oldest").map(t -> Ts.parse(t, "invalid_ts_oldest")).orElse(null);
    return m -> {
      BigDecimal ts = new BigDecimal(m.ts());
      boolean beforeLatest =
          latest == null || (inclusive ? ts.compareTo(latest) <= 0 : ts.compareTo(latest) < 0);
      boolean afterOldest =
          oldest == null || (inclusive ? ts.compareTo(oldest) >= 0 : ts.compareTo(oldest) > 0);
      return beforeLatest && afterOldest;
    };
  }

  /**
   * One page of {@code ordered}: starts at the cursor's message (if any), holds at most {@code
   * limit}, and points the next cursor at the first message left out.
   */
  private ObjectNode page(
      List<SlackMessage> ordered,
      Params params,
      int defaultLimit,
      boolean newestFirst,
      boolean withMetadata) {
    int limit = params.intOr("limit", defaultLimit);
    limit = limit <= 0 ? defaultLimit : Math.min(limit, 999);
    List<SlackMessage> rest = ordered;
    String cursor = params.optional("cursor").orElse(null);
    if (cursor != null) {
      BigDecimal from = decodeCursor(cursor);
      rest =
          ordered.stream()
              .filter(
                  m ->
                      newestFirst
                          ? new BigDecimal(m.ts()).compareTo(from) <= 0
                          : new BigDecimal(m.ts()).compareTo(from) >= 0)
              .toList();
    }
    List<SlackMessage> page = rest.subList(0, Math.min(limit, rest.size()));
    boolean hasMore = rest.size() > page.size();
    ObjectNode out = mapper.createObjectNode();
    ArrayNode list = out.putArray("messages");
    page.forEach(m -> list.add(json.render(m, withMetadata)));
    out.put("has_more", hasMore);
    out.putObject("response_metadata")
        .put("next_cursor", hasMore ? encodeCursor(rest.get(page.size()).ts()) : "");
    return out;
  }

  private static String encodeCursor(String ts) {
    return Base64.getEncoder()
        .encodeToString((CURSOR_PREFIX + ts).getBytes(StandardCharsets.UTF_8));
  }

  private static BigDecimal decodeCursor(String cursor) {
    try {
      String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (decoded.startsWith(CURSOR_PREFIX)) {
        return new BigDecimal(decoded.substring(CURSOR_PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through: not a cursor we issued
    }
    throw new MethodError("invalid_cursor");
  }
}
