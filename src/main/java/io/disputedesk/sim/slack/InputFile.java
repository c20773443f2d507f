package io.disputedesk.sim.slack;

/**
 * A file a person attached in a modal's {@code file_input}, as Slack describes it in the
 * submission's state; the bot downloads it from {@code urlPrivateDownload} with its token.
 */
public record InputFile(
    String id,
    String name,
    String mimetype,
    String filetype,
    long size,
    String urlPrivate,
    String urlPrivateDownload,
    String user) {}
