package io.disputedesk.slack.actions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.InputStream;
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

  /**
   * Opens {@code view} with the click's trigger id; empty when Slack opened it, else what went
   * wrong.
   */
  Optional<String> open(String triggerId, View view) {
    return open(triggerId, encoded(view));
  }

  /** Opens the view {@link #encoded} gave; empty when Slack opened it, else what went wrong. */
  Optional<String> open(String triggerId, String encodedView) {
    FormBody.Builder form =
        new FormBody.Builder().add("trigger_id", triggerId).addEncoded("view", encodedView);
    try (Response response = client.runPostFormWithToken(form, METHOD, token)) {
      ResponseBody body = response.body();
      Answer answer = body == null ? new Answer(false, null) : Answer.of(mapper, body.byteStream());
      if (!response.isSuccessful()) {
        return Optional.of(
            "status: "
                + response.code()
                + (answer.error() == null ? "" : ", error: " + answer.error()));
      }
      if (answer.ok()) {
        return Optional.empty();
      }
      return Optional.of(answer.error() == null ? "no answer" : answer.error());
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * The top-level {@code ok} and {@code error} of Slack's answer, read as it streams in: the echoed
   * view is neither mapped nor decoded, and after {@code "ok": true} (Slack's first field) nothing
   * more is read.
   */
  private record Answer(boolean ok, String error) {
    static Answer of(ObjectMapper mapper, InputStream json) throws IOException {
      boolean ok = false;
      String error = null;
      try (JsonParser p = mapper.getFactory().createParser(json)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return new Answer(false, null);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("ok")) {
            ok = value == JsonToken.VALUE_TRUE;
            if (ok) {
              return new Answer(true, null);
            }
          } else if (field.equals("error") && value == JsonToken.VALUE_STRING) {
            error = p.getText();
          } else {
            p.skipChildren();
          }
        }
      } catch (JsonProcessingException e) {
        return new Answer(false, null);
      }
      return new Answer(ok, error);
    }
  }

  /** The view as {@code views.open} sends it. */
  String json(View view) {
    return gson.toJson(view);
  }

  /** The view as {@code views.open} sends it, form-encoded for the request body. */
  String encoded(View view) {
    return new FormBody.Builder().add("view", json(view)).build().encodedValue(0);
  }
}
