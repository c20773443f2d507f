package io.disputedesk.slack.commands;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import io.disputedesk.slack.Ids;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /disputes} command and the list "more" button. Help and unusable input are answered in
 * the ack itself; everything else is acked empty at once, run on the executor and answered through
 * the {@code response_url}.
 */
public final class CommandHandlers {
  private static final Logger log = LoggerFactory.getLogger(CommandHandlers.class);

  private final CommandParser parser;
  private final CommandRunner runner;
  private final Replies replies;
  private final Executor executor;

  public CommandHandlers(
      CommandParser parser, CommandRunner runner, Replies replies, Executor executor) {
    this.parser = parser;
    this.runner = runner;
    this.replies = replies;
    this.executor = executor;
  }

  public void register(App app) {
    app.command(
        Ids.COMMAND,
        (req, ctx) -> {
          SlashCommandPayload p = req.getPayload();
          Command.Parsed parsed = parser.parse(p.getText());
          Command command = parsed.command();
          if (command instanceof Command.Help || command instanceof Command.Invalid) {
            boolean share = parsed.share() && command instanceof Command.Help;
            return ctx.ack(
                replies.asCommandResponse(runner.run(command, p.getUserId()).shared(share)));
          }
          String user = p.getUserId();
          String channel = p.getChannelId();
          String responseUrl = p.getResponseUrl();
          if (!submit(
              () -> replies.toCommand(responseUrl, channel, user, answer(parsed, user, channel)))) {
            return ctx.ack(
                replies.asCommandResponse(
                    CommandReply.text(":hourglass: Dispute Desk is busy; try again in a moment.")));
          }
          return ctx.ack();
        });
    app.blockAction(
        Ids.LIST_MORE,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          String value = p.getActions().get(0).getValue();
          String user = p.getUser() == null ? null : p.getUser().getId();
          String channel = p.getChannel() == null ? null : p.getChannel().getId();
          String responseUrl = p.getResponseUrl();
          if (responseUrl != null) {
            submit(() -> replies.toAction(responseUrl, channel, user, more(value, user)));
          }
          return ctx.ack();
        });
  }

  private CommandReply answer(Command.Parsed parsed, String userId, String channelId) {
    try {
      return runner.answer(parsed, userId, channelId);
    } catch (RuntimeException e) {
      log.error(
          "/disputes {} failed for {}", parsed.command().getClass().getSimpleName(), userId, e);
      return CommandReply.text(
          ":warning: Something went wrong while answering; it has been logged. Try again in a minute.");
    }
  }

  private CommandReply more(String value, String userId) {
    try {
      return runner
          .more(value == null ? "" : value, userId)
          .orElseGet(
              () ->
                  CommandReply.text(
                      ":warning: That button is out of date; run the list command again."));
    } catch (RuntimeException e) {
      log.error("Next list page failed", e);
      return CommandReply.text(
          ":warning: Something went wrong while loading more; it has been logged.");
    }
  }

  private boolean submit(Runnable work) {
    try {
      executor.execute(work);
      return true;
    } catch (RejectedExecutionException e) {
      log.warn("Command executor refused work; answering busy");
      return false;
    }
  }
}
