package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code files.getUploadURLExternal} and {@code files.completeUploadExternal} (the SDK's filesUploadV2). */
final class FileMethods {
  private final FileStore files;
  private final Channels channels;
  private final Supplier<String> uploadBaseUrl;
  private final TsClock clock;
  private final Workspace workspace;
  private final ObjectMapper mapper;

  FileMethods(
      FileStore files,
      Channels channels,
      Supplier<String> uploadBaseUrl,
      TsClock clock,
      Workspace workspace,
      ObjectMapper mapper) {
    this.files = files;
    this.channels = channels;
    this.uploadBaseUrl = uploadBaseUrl;
    this.clock = clock;
    this.workspace = workspace;
    this.mapper = mapper;
  }

  void registerInto(Map<String, Method> table) {
    table.put("files.getUploadURLExternal", this::uploadUrl);
    table.put("files.completeUploadExternal", this::complete);
  }

  private ObjectNode uploadUrl(ApiCall call) {
    Params params = new Params(call, mapper);
    String filename = params.required("filename");
    if (params.intOr("length", -1) < 0) {
      throw new MethodError("invalid_arguments", List.of("missing `length`"));
    }
    String id = files.reserve(filename);
    return mapper.createObjectNode().put("upload_url", uploadBaseUrl.get() + id).put("file_id", id);
  }

  private ObjectNode complete(ApiCall call) {
    Params params = new Params(call, mapper);
    JsonNode list = params.json("files", "invalid_arguments")
        .filter(n -> n.isArray() && !n.isEmpty())
        .orElseThrow(() -> new MethodError("invalid_arguments", List.of("missing `files`")));
    String channel = params.optional("channel_id")
        .or(() -> params.optional("channels").map(c -> c.split(",")[0].trim()))
        .map(channels::forPosting)
        .orElse(null);
    FileStore.Share share = new FileStore.Share(
        channel, params.optional("thread_ts").orElse(null), params.optional("initial_comment").orElse(null));
    ObjectNode out = mapper.createObjectNode();
    ArrayNode done = out.putArray("files");
    for (JsonNode entry : list) {
      UploadedFile file = files.complete(entry.path("id").asText(), entry.path("title").asText(null), share);
      done.addObject()
          .put("id", file.id())
          .put("created", clock.now().getEpochSecond())
          .put("name", file.filename())
          .put("title", file.title())
          .put("mimetype", "application/octet-stream")
          .put("size", file.content().length)
          .put("user", workspace.botUserId());
    }
    return out;
  }
}
