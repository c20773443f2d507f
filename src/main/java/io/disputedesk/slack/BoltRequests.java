package io.disputedesk.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.util.JsonPayloadExtractor;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bolt's request parsing, with block actions (every click) read by one long-lived Gson. Bolt's
 * {@link BlockActionRequest} maps its payload with a Gson built for that one request, which must
 * learn the payload's hundred-odd model classes by reflection again every time: about 0.4 ms of CPU
 * per click, most of what Bolt spends on one (measured in {@code bench/README.md}). Such a request
 * is built here the way Bolt's parser builds it, with the payload mapped by a shared Gson (Gson is
 * thread-safe and keeps what it learned); every other request is Bolt's own.
 */
public final class BoltRequests {
  private final AppConfig config;
  private final SlackRequestParser parser;
  private final JsonPayloadExtractor payloads = new JsonPayloadExtractor();
  private final Gson gson = GsonFactory.createSnakeCase();

  public BoltRequests(AppConfig config) {
    this.config = config;
    this.parser = new SlackRequestParser(config);
  }

  /**
   * The Bolt request {@code raw} carries, or null when it is not a Slack request; throws as Bolt's
   * parser does on a payload it cannot read.
   */
  public Request<?> parse(SlackRequestParser.HttpRequest raw) {
    // Over Socket Mode the body is the payload itself; over HTTP it is a form with a payload field.
    String json =
        raw.isSocketMode() ? raw.getRequestBody() : payloads.extractIfExists(raw.getRequestBody());
    if (json != null && json.contains(BlockActionPayload.TYPE)) {
      JsonElement tree = gson.fromJson(json, JsonElement.class);
      if (tree != null && tree.isJsonObject() && isBlockAction(tree.getAsJsonObject())) {
        return finish(
            new KeptBlockAction(
                raw.getRequestBody(),
                gson.fromJson(tree, BlockActionPayload.class),
                raw.getHeaders()),
            raw);
      }
    }
    return parser.parse(raw);
  }

  private static boolean isBlockAction(JsonObject payload) {
    JsonElement type = payload.get("type");
    return type != null
        && type.isJsonPrimitive()
        && BlockActionPayload.TYPE.equals(type.getAsString());
  }

  /** What Bolt's parser sets on every request it builds. */
  private Request<?> finish(Request<?> request, SlackRequestParser.HttpRequest raw) {
    request.setSocketMode(raw.isSocketMode());
    request.updateContext(config);
    Map<String, List<String>> query = raw.getQueryString();
    if (query != null) {
      for (Map.Entry<String, List<String>> each : query.entrySet()) {
        request
            .getQueryString()
            .computeIfAbsent(each.getKey(), k -> new ArrayList<>())
            .addAll(each.getValue());
      }
    }
    String forwardedFor = raw.getHeaders().getFirstValue("X-FORWARDED-FOR");
    request.setClientIpAddress(forwardedFor != null ? forwardedFor : raw.getRemoteAddress());
    return request;
  }

  /**
   * A block action whose payload was mapped already. Bolt's constructor is handed no payload, so it
   * maps none; the context is filled here from the payload as Bolt fills it.
   */
  private static final class KeptBlockAction extends BlockActionRequest {
    private final BlockActionPayload payload;

    KeptBlockAction(String requestBody, BlockActionPayload payload, RequestHeaders headers) {
      super(requestBody, "", headers);
      this.payload = payload;
      if (payload != null) {
        fill(getContext(), payload);
      }
    }

    private static void fill(ActionContext context, BlockActionPayload payload) {
      context.setFunctionBotAccessToken(payload.getBotAccessToken());
      context.setResponseUrl(payload.getResponseUrl());
      context.setTriggerId(payload.getTriggerId());
      if (payload.getTriggerId() == null
          && payload.getInteractivity() != null
          && payload.getInteractivity().getInteractivityPointer() != null) {
        context.setTriggerId(payload.getInteractivity().getInteractivityPointer());
      }
      if (payload.getEnterprise() != null) {
        context.setEnterpriseId(payload.getEnterprise().getId());
      } else if (payload.getTeam() != null) {
        context.setEnterpriseId(payload.getTeam().getEnterpriseId());
      }
      if (payload.getTeam() != null && payload.getTeam().getId() != null) {
        context.setTeamId(payload.getTeam().getId());
      } else if (payload.getUser() != null && payload.getUser().getTeamId() != null) {
        context.setTeamId(payload.getUser().getTeamId());
      }
      // Bolt dereferences the user here; a payload without one is refused by BoltHandler instead.
      context.setRequestUserId(payload.getUser() == null ? null : payload.getUser().getId());
      if (payload.getFunctionData() != null) {
        context.setFunctionExecutionId(payload.getFunctionData().getExecutionId());
      }
    }

    @Override
    public BlockActionPayload getPayload() {
      return payload;
    }
  }
}
