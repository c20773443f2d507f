package io.disputedesk.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesListResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.model.File;
import com.slack.api.model.Message;
import com.slack.api.model.ResponseMetadata;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Slack Web API calls the outbox makes, each failure turned into a {@link SlackException}.
 * Every post carries message metadata naming its outbox key, so a post whose answer was lost can be
 * found.
 */
final class SlackWire {
  /** How far before a row was queued to look for its post (Slack's clock may differ from ours). */
  static final Duration SEARCH_MARGIN = Duration.ofMinutes(15);

  private static final int SEARCH_PAGE = 200;
  private static final int SEARCH_PAGES = 10;
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  @FunctionalInterface
  private interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  private final MethodsClient methods;
  private final ObjectMapper mapper;

  SlackWire(MethodsClient methods, ObjectMapper mapper) {
    this.methods = Objects.requireNonNull(methods, "methods");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  /**
   * Posts a message (a reply when {@code threadTs} is set) tagged with {@code key}; returns its ts.
   */
  String post(String channel, SlackPost post, String threadTs, String key, String disputeId) {
    String metadata = metadata(key, disputeId);
    ChatPostMessageResponse r =
        call(
            "chat.postMessage",
            () ->
                methods.chatPostMessage(
                    req -> {
                      req.channel(channel)
                          .text(post.text())
                          .threadTs(threadTs)
                          .metadataAsString(metadata)
                          .mrkdwn(true)
                          .unfurlLinks(false)
                          .unfurlMedia(false);
                      if (post.blocksJson() != null) {
                        req.blocksAsString(post.blocksJson());
                      }
                      return req;
                    }));
    return r.getTs();
  }

  /** Replaces a message's text and blocks. */
  void update(String channel, String ts, SlackPost post) {
    call(
        "chat.update",
        () ->
            methods.chatUpdate(
                req -> {
                  req.channel(channel).ts(ts).text(post.text());
                  if (post.blocksJson() != null) {
                    req.blocksAsString(post.blocksJson());
                  }
                  return req;
                }));
  }

  /**
   * Shares a file in the channel with its message, through Slack's upload flow ({@code
   * files.getUploadURLExternal}, the upload, {@code files.completeUploadExternal}); returns the
   * file id.
   */
  String upload(String channel, FilePost file) {
    FilesUploadV2Response r;
    try {
      r =
          call(
              "files.uploadV2",
              () ->
                  methods.filesUploadV2(
                      req ->
                          req.channel(channel)
                              .filename(file.filename())
                              .title(file.title())
                              .fileData(file.content())
                              .initialComment(file.comment())));
    } catch (SlackFilesUploadV2Exception e) {
      throw new SlackException(
          "files.uploadV2", SlackException.uploadError(e, "upload_refused"), null, null);
    }
    return r.getFile() != null
        ? r.getFile().getId()
        : r.getFiles() == null || r.getFiles().isEmpty() ? null : r.getFiles().get(0).getId();
  }

  /** The id of a file named {@code filename} shared in the channel after {@code since}, if any. */
  Optional<String> findFile(String channel, Instant since, String filename) {
    String from = Long.toString(since.minus(SEARCH_MARGIN).getEpochSecond());
    FilesListResponse r =
        call(
            "files.list",
            () -> methods.filesList(req -> req.channel(channel).tsFrom(from).count(SEARCH_PAGE)));
    if (r.getFiles() == null) {
      return Optional.empty();
    }
    return r.getFiles().stream()
        .filter(f -> filename.equals(f.getName()))
        .map(File::getId)
        .findFirst();
  }

  /** The ts of a top-level message tagged with {@code key}, posted after {@code since}, if any. */
  Optional<String> findTopLevel(String channel, Instant since, String key) {
    String oldest = Long.toString(since.minus(SEARCH_MARGIN).getEpochSecond());
    return search(
        key,
        cursor -> {
          ConversationsHistoryResponse r =
              call(
                  "conversations.history",
                  () ->
                      methods.conversationsHistory(
                          req ->
                              req.channel(channel)
                                  .oldest(oldest)
                                  .includeAllMetadata(true)
                                  .limit(SEARCH_PAGE)
                                  .cursor(cursor)));
          return new Page(r.getMessages(), r.getResponseMetadata(), r.isHasMore());
        });
  }

  /** The ts of a reply under {@code threadTs} tagged with {@code key}, if any. */
  Optional<String> findReply(String channel, String threadTs, String key) {
    return search(
        key,
        cursor -> {
          ConversationsRepliesResponse r;
          try {
            r =
                call(
                    "conversations.replies",
                    () ->
                        methods.conversationsReplies(
                            req ->
                                req.channel(channel)
                                    .ts(threadTs)
                                    .includeAllMetadata(true)
                                    .limit(SEARCH_PAGE)
                                    .cursor(cursor)));
          } catch (SlackException e) {
            if ("thread_not_found".equals(e.error())) {
              return Page.NONE;
            }
            throw e;
          }
          return new Page(r.getMessages(), r.getResponseMetadata(), r.isHasMore());
        });
  }

  /** One page of a channel's history or a thread's replies. */
  private record Page(List<Message> messages, ResponseMetadata metadata, boolean hasMore) {
    static final Page NONE = new Page(null, null, false);

    String nextCursor() {
      return metadata == null ? null : metadata.getNextCursor();
    }
  }

  /**
   * The ts of the first message tagged with {@code key} in up to {@link #SEARCH_PAGES} pages, each
   * read by {@code page} from the cursor the one before gave (null for the first).
   */
  private static Optional<String> search(String key, Function<String, Page> page) {
    String cursor = null;
    for (int n = 0; n < SEARCH_PAGES; n++) {
      Page p = page.apply(cursor);
      Optional<String> ts = tagged(p.messages(), key);
      if (ts.isPresent()) {
        return ts;
      }
      cursor = p.nextCursor();
      if (!p.hasMore() || cursor == null || cursor.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Optional<String> tagged(List<Message> messages, String key) {
    if (messages == null) {
      return Optional.empty();
    }
    return messages.stream()
        .filter(
            m ->
                m.getMetadata() != null
                    && Ids.METADATA_EVENT.equals(m.getMetadata().getEventType()))
        .filter(
            m -> {
              Map<String, Object> payload = m.getMetadata().getEventPayload();
              return payload != null && key.equals(payload.get("key"));
            })
        .map(Message::getTs)
        .findFirst();
  }

  private String metadata(String key, String disputeId) {
    ObjectNode node = mapper.createObjectNode().put("event_type", Ids.METADATA_EVENT);
    ObjectNode payload = node.putObject("event_payload").put("key", key);
    if (disputeId != null) {
      payload.put("dispute_id", disputeId);
    }
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write message metadata", e);
    }
  }

  private static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (SlackApiException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().code();
      if (status == 429) {
        throw new SlackException(
            method, "ratelimited", retryAfter(e.getResponse().header("Retry-After")), null);
      }
      // The exception's own text may quote the request; keep only the status.
      throw new SlackException(method, "http_" + status, null, null);
    } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
      throw new SlackException(method, "io_error (" + e.getClass().getSimpleName() + ")", null, e);
    } catch (IOException e) {
      // Sent, perhaps received, never answered.
      throw SlackException.outcomeUnknown(
          method, "io_error (" + e.getClass().getSimpleName() + ")", e);
    }
    if (!response.isOk()) {
      String error = response.getError() == null ? "unknown_error" : response.getError();
      throw new SlackException(
          method, error, "ratelimited".equals(error) ? DEFAULT_RETRY_AFTER : null, null);
    }
    return response;
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY_AFTER;
    }
  }
}
