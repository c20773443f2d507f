package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code files.getUploadURLExternal} and {@code files.completeUploadExternal} (the SDK's
 * filesUploadV2), and {@code files.list} of what was shared.
 */
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
    table.put("files.list", this::list);
  }

  /**
   * The files shared in {@code channel} (all when absent) at or after {@code ts_from}, newest
   * first.
   */
  private ObjectNode list(ApiCall call) {
    Params params = new Params(call, mapper);
    Optional<String> channel = params.optional("channel");
    long from;
    try {
      from = params.optional("ts_from").map(Long::parseLong).orElse(0L);
    } catch (NumberFormatException e) {
      throw new MethodError("invalid_arguments", List.of("`ts_from` must be a number of seconds"));
    }
    int count = params.intOr("count", 100);
    ObjectNode out = mapper.createObjectNode();
    ArrayNode list = out.putArray("files");
    List<UploadedFile> shared =
        files.completed().stream()
            .filter(f -> channel.isEmpty() || channel.get().equals(f.channel()))
            .filter(f -> f.created().getEpochSecond() >= from)
            .sorted(Comparator.comparing(UploadedFile::created).reversed())
            .limit(count)
            .toList();
    for (UploadedFile f : shared) {
      describe(list.addObject(), f).putArray("channels").add(f.channel());
    }
    out.putObject("paging")
        .put("count", count)
        .put("total", shared.size())
        .put("page", 1)
        .put("pages", 1);
    return out;
  }

  private ObjectNode describe(ObjectNode node, UploadedFile file) {
    return node.put("id", file.id())
        .put("created", file.created().getEpochSecond())
        .put("timestamp", file.created().getEpochSecond())
        .put("name", file.filename())
        .put("title", file.title())
        .put("mimetype", file.mimetype())
        .put("size", file.content().length)
        .put("user", workspace.botUserId());
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
    JsonNode list =
        params
            .json("files", "invalid_arguments")
            .filter(n -> n.isArray() && !n.isEmpty())
            .orElseThrow(() -> new MethodError("invalid_arguments", List.of("missing `files`")));
    String channel =
        params
            .optional("channel_id")
            .or(() -> params.optional("channels").map(c -> c.split(",")[0].trim()))
            .map(channels::forPosting)
            .orElse(null);
    FileStore.Share share =
        new FileStore.Share(
            channel,
            params.optional("thread_ts").orElse(null),
            params.optional("initial_comment").orElse(null));
    ObjectNode out = mapper.createObjectNode();
    ArrayNode done = out.putArray("files");
    for (JsonNode entry : list) {
      UploadedFile file =
          files.complete(
              entry.path("id").asText(), entry.path("title").asText(null), share, clock.now());
      describe(done.addObject(), file);
    }
    return out;
  }
}
