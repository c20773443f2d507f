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
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Opens a modal ({@code views.open}) on the ack path, lean: the view is written as JSON by one
 * long-lived Gson, as the SDK writes request bodies, and of Slack's answer only {@code ok} and
 * {@code error} are read. The SDK's own {@code viewsOpen} maps the whole answer (Slack echoes the
 * view) onto its model with a Gson it builds anew, type adapters and all, for every call.
 *
 * <p>The request is a JSON body (which {@code views.open} takes as well as a form) on the SDK's own
 * HTTP client: a form kept built (see {@link FormCache}) is then sent as it was written, where a
 * form body is percent-encoded (about 40 % larger) and OkHttp checks every character of an already
 * encoded value again on each click.
 */
final class FormOpener {
  private static final String METHOD = "views.open";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl url;
  private final String authorization;
  private final ObjectMapper mapper;
  private final Gson gson = GsonFactory.createSnakeCase();

  /** {@code client} null: writes views only ({@link #json}), opens none. */
  FormOpener(MethodsClient client, String token, ObjectMapper mapper) {
    this.http = client == null ? null : client.getSlackHttpClient().getOkHttpClient();
    this.url = client == null ? null : HttpUrl.get(client.getEndpointUrlPrefix() + METHOD);
    this.authorization = "Bearer " + token;
    this.mapper = mapper;
  }

  /**
   * Opens {@code view} with the click's trigger id; empty when Slack opened it, else what went
   * wrong.
   */
  Optional<String> open(String triggerId, View view) {
    return open(triggerId, json(view));
  }

  /** Opens the view {@link #json} wrote; empty when Slack opened it, else what went wrong. */
  Optional<String> open(String triggerId, String viewJson) {
    String json = "{\"trigger_id\":" + gson.toJson(triggerId) + ",\"view\":" + viewJson + "}";
    Request request =
        new Request.Builder()
            .url(url)
            .header("Authorization", authorization)
            .post(RequestBody.create(json, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
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
}
