package io.disputedesk.slack.commands;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import io.disputedesk.slack.SlackException;
import java.io.IOException;
import java.util.List;

/**
 * Sends a file to one person (their direct-message channel with the bot) or into a channel, with
 * {@code files.uploadV2}: Slack's {@code files.getUploadURLExternal}, the upload, then {@code
 * files.completeUploadExternal}.
 */
public final class UserFiles {
  private final MethodsClient methods;

  /** {@code methods} is the bot-token client, e.g. {@code slack.methods(botToken)}. */
  public UserFiles(MethodsClient methods) {
    this.methods = methods;
  }

  /**
   * Uploads the file into the user's DM with the bot; throws {@link IllegalStateException} with
   * Slack's error.
   */
  public void sendToUser(
      String userId, String filename, String title, byte[] content, String comment) {
    try {
      ConversationsOpenResponse dm = methods.conversationsOpen(r -> r.users(List.of(userId)));
      if (!dm.isOk() || dm.getChannel() == null) {
        throw new IllegalStateException("conversations.open failed: " + dm.getError());
      }
      upload(dm.getChannel().getId(), filename, title, content, comment);
    } catch (IOException | SlackApiException e) {
      throw new IllegalStateException(
          "Slack file upload failed: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Shares the file in the channel with its message; throws {@link IllegalStateException} with
   * Slack's error.
   */
  public void sendToChannel(
      String channel, String filename, String title, byte[] content, String comment) {
    try {
      upload(channel, filename, title, content, comment);
    } catch (IOException | SlackApiException e) {
      throw new IllegalStateException(
          "Slack file upload failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private void upload(String channel, String filename, String title, byte[] content, String comment)
      throws IOException, SlackApiException {
    try {
      FilesUploadV2Response upload =
          methods.filesUploadV2(
              r ->
                  r.channel(channel)
                      .filename(filename)
                      .title(title)
                      .fileData(content)
                      .initialComment(comment));
      if (!upload.isOk()) {
        throw new IllegalStateException("files.uploadV2 failed: " + upload.getError());
      }
    } catch (SlackFilesUploadV2Exception e) {
      // The SDK's own failure: it says which of its steps Slack refused.
      throw new IllegalStateException(
          "files.uploadV2 failed: " + SlackException.uploadError(e, "upload refused"), e);
    }
  }
}
