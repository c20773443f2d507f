package io.disputedesk.slack.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Opens a modal ({@code views.open}) on the ack path, lean: the view is written as JSON by one
 * long-lived Gson, as the SDK writes request bodies, and of Slack's answer only {@code ok} and
 * {@code error} are read. The SDK's own {@code viewsOpen} maps the whole answer (Slack echoes the
 * view) onto its model with a Gson it builds anew, type adapters and all, for every call.
 */
final class FormOpener {
  private static final String METHOD = "views.open";

  private final MethodsClient client;
  private final String token;
  private final ObjectMapper mapper;
  private final Gson gson = GsonFactory.createSnakeCase();

  FormOpener(MethodsClient client, String token, ObjectMapper mapper) {
    this.client = client;
    this.token = token;
    this.mapper = mapper;
  }

  /** Opens {@code view} with the click's trigger id; empty when Slack opened it, else what went wrong. */
  Optional<String> open(String triggerId, View view) {
    FormBody.Builder form = new FormBody.Builder().add("trigger_id", triggerId).add("view", json(view));
    try (Response response = client.runPostFormWithToken(form, METHOD, token)) {
      ResponseBody body = response.body();
      JsonNode answer = body == null ? mapper.missingNode() : mapper.readTree(body.string());
      String error = answer.path("error").isTextual() ? answer.path("error").asText() : null;
      if (!response.isSuccessful()) {
        return Optional.of("status: " + response.code() + (error == null ? "" : ", error: " + error));
      }
      if (answer.path("ok").asBoolean(false)) {
        return Optional.empty();
      }
      return Optional.of(error == null ? "no answer" : error);
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The view as {@code views.open} sends it. */
  String json(View view) {
    return gson.toJson(view);
  }
}
