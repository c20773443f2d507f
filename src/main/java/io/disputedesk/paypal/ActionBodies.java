package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Builds the HTTP body of an action: JSON, or multipart/form-data with the JSON as a part named
 * {@code input} followed by file parts {@code file1, file2, ...} (as PayPal and the spec name
 * them). Which actions take files, and which are multipart even without, each {@link DisputeAction}
 * says.
 */
final class ActionBodies {
  static final MediaType JSON = MediaType.get("application/json");
  static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

  private final ObjectMapper requestMapper;

  ActionBodies(ObjectMapper mapper) {
    // Every list and text in PayPal's request schemas has a minimum of one, so empty ones are
    // left out rather than sent as [] or "".
    this.requestMapper =
        mapper
            .copy()
            .setDefaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY));
  }

  /** The JSON text of the request, exactly as sent (alone or as the {@code input} part). */
  String json(ActionRequest request) {
    try {
      if (request instanceof ActionRequest.UpdateContactDetails contact) {
        // PATCH takes a JSON Patch; "add" sets the member whether or not it is there yet.
        return requestMapper.writeValueAsString(
            List.of(new PatchOperation("add", "/communication_details", contact)));
      }
      return requestMapper.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + request.getClass().getSimpleName(), e);
    }
  }

  RequestBody body(ActionRequest request, List<UploadFile> files) {
    DisputeAction action = request.action();
    if (!files.isEmpty() && !action.takesFiles()) {
      throw new IllegalArgumentException(action.operation() + " does not take files");
    }
    checkSizes(files);
    byte[] json = json(request).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (files.isEmpty() && !action.alwaysMultipart()) {
      return RequestBody.create(json, JSON);
    }
    MultipartBody.Builder multipart =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("input", null, RequestBody.create(json, JSON));
    int n = 1;
    for (UploadFile file : files) {
      multipart.addFormDataPart(
          "file" + n++,
          file.name(),
          RequestBody.create(file.content(), MediaType.get(file.contentType())));
    }
    return multipart.build();
  }

  private static void checkSizes(List<UploadFile> files) {
    long total = 0;
    for (UploadFile file : files) {
      if (file == null
          || file.name() == null
          || file.name().isBlank()
          || file.content() == null
          || file.contentType() == null) {
        throw new IllegalArgumentException("each file needs a name, a content type and content");
      }
      if (MediaType.parse(file.contentType()) == null) {
        throw new IllegalArgumentException("bad content type for " + file.name());
      }
      if (file.content().length > MAX_FILE_BYTES) {
        throw new IllegalArgumentException(file.name() + " is over PayPal's 10 MB limit");
      }
      total += file.content().length;
    }
    if (total > MAX_TOTAL_BYTES) {
      throw new IllegalArgumentException("files are over PayPal's 50 MB limit per call");
    }
  }

  /** One operation of a JSON Patch body. */
  record PatchOperation(String op, String path, Object value) {}
}
