package io.disputedesk.slack.commands;

import io.disputedesk.auth.Permissions;
import io.disputedesk.auth.Role;
import io.disputedesk.dispute.AuditEntry;
import io.disputedesk.dispute.AuditLog;
import io.disputedesk.routing.Route;
import io.disputedesk.routing.Router;
import io.disputedesk.routing.Subscription;
import io.disputedesk.routing.SubscriptionStore;
import io.disputedesk.slack.Mrkdwn;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code subscribe}, {@code unsubscribe} and {@code subscriptions}: routes added from Slack, per
 * channel. Changing them is for approvers (a channel's subscription decides who sees which
 * disputes); listing them needs read access (checked by the runner). A change applies to each
 * dispute's next change; {@code backfill} brings in the open ones that need a response now.
 */
public final class SubscriptionCommands {
  private final SubscriptionStore store;
  private final Router router;
  private final Permissions permissions;
  private final AuditLog audit;
  private final Backfill backfill;
  private final Set<String> accounts;
  private final Clock clock;

  public SubscriptionCommands(
      SubscriptionStore store,
      Router router,
      Permissions permissions,
      AuditLog audit,
      Backfill backfill,
      Set<String> accounts,
      Clock clock) {
    this.store = store;
    this.router = router;
    this.permissions = permissions;
    this.audit = audit;
    this.backfill = backfill;
    this.accounts = new TreeSet<>(accounts);
    this.clock = clock;
  }

  CommandReply subscribe(Command.Subscribe cmd, String callerId, String channelId) {
    Optional<CommandReply> refused = refuse(callerId, channelId, "SUBSCRIBE");
    if (refused.isPresent()) {
      return refused.get();
    }
    List<String> unknown =
        cmd.filter().accounts().stream().filter(a -> !accounts.contains(a)).toList();
    if (!unknown.isEmpty()) {
      return CommandReply.text(
          ":warning: There is no PayPal account named "
              + Mrkdwn.escape(String.join(", ", unknown))
              + ". Accounts: "
              + Mrkdwn.escape(String.join(", ", accounts))
              + ".");
    }
    String words = cmd.filter().words();
    Optional<Subscription> added = store.add(channelId, words, callerId);
    if (added.isEmpty()) {
      Optional<Subscription> existing = store.find(channelId, words);
      if (cmd.backfill() && existing.isPresent()) {
        return CommandReply.text(
            ":information_source: This channel already follows `"
                + words
                + "`. "
                + backfill.run(existing.get()));
      }
      return CommandReply.text(
          ":information_source: This channel already follows `" + words + "`; nothing changed.");
    }
    audit(callerId, "SUBSCRIBE", "OK", channelId + " follows " + words);
    StringBuilder reply =
        new StringBuilder(
            ":white_check_mark: This channel now follows `"
                + words
                + "`."
                + " Cards of matching disputes come here from their next change, and their thread replies with them.");
    if (!channelId.equals(router.defaultChannel())) {
      reply
          .append(" Disputes that a route sends elsewhere leave <#")
          .append(router.defaultChannel())
          .append(
              "> (their card there says where they went); a route with `everything` keeps them there too.");
    }
    reply
        .append(' ')
        .append(
            cmd.backfill()
                ? backfill.run(added.get())
                : "Add `backfill` to post the open ones that need a response now.");
    return CommandReply.text(reply.toString());
  }

  CommandReply unsubscribe(Command.Unsubscribe cmd, String callerId, String channelId) {
    Optional<CommandReply> refused = refuse(callerId, channelId, "UNSUBSCRIBE");
    if (refused.isPresent()) {
      return refused.get();
    }
    List<Subscription> mine = store.forChannel(channelId);
    if (mine.isEmpty()) {
      return CommandReply.text(
          ":information_source: This channel has no subscriptions from Slack."
              + configuredNote(channelId));
    }
    if (cmd.all()) {
      int removed = store.removeAll(channelId);
      audit(callerId, "UNSUBSCRIBE", "OK", channelId + " dropped all " + removed);
      return CommandReply.text(
          ":white_check_mark: Removed all "
              + removed
              + " of this channel's subscriptions."
              + " Their cards here stay; each says where its dispute went at its next change.");
    }
    String words;
    if (cmd.filter() == null) {
      if (mine.size() > 1) {
        return CommandReply.text(
            ":grey_question: This channel has "
                + mine.size()
                + " subscriptions: "
                + list(mine)
                + ". Say which: `/disputes unsubscribe <words>`, or `all`.");
      }
      words = mine.get(0).words();
    } else {
      words = cmd.filter().words();
    }
    if (!store.remove(channelId, words)) {
      return CommandReply.text(
          ":grey_question: This channel does not follow `"
              + words
              + "`. Its subscriptions: "
              + list(mine)
              + ".");
    }
    audit(callerId, "UNSUBSCRIBE", "OK", channelId + " stopped following " + words);
    return CommandReply.text(
        ":white_check_mark: This channel no longer follows `"
            + words
            + "`. Cards already here stay;"
            + " each says where its dispute went at its next change.");
  }

  CommandReply subscriptions(String channelId) {
    List<Route> configured =
        router.configuredRoutes().stream().filter(r -> r.channel().equals(channelId)).toList();
    List<Subscription> fromSlack = store.forChannel(channelId);
    StringBuilder out = new StringBuilder(":signpost: *Routes to <#" + channelId + ">*\n");
    if (configured.isEmpty() && fromSlack.isEmpty()) {
      out.append("None.");
    }
    configured.forEach(r -> out.append("• `").append(r.when().words()).append("` (config file)\n"));
    fromSlack.forEach(
        s ->
            out.append("• `")
                .append(s.words())
                .append("` (subscribed by <@")
                .append(s.createdBy())
                .append(">)\n"));
    if (channelId.equals(router.defaultChannel())) {
      out.append("\nThis is the default channel: disputes that no route takes come here.");
    }
    return CommandReply.text(out.toString().strip());
  }

  private Optional<CommandReply> refuse(String callerId, String channelId, String action) {
    if (!permissions.has(callerId, Role.APPROVER)) {
      audit(
          callerId,
          action,
          "DENIED",
          permissions.isConfigured(Role.APPROVER)
              ? "user lacks APPROVER"
              : "no APPROVER configured");
      return Optional.of(
          CommandReply.text(
              ":no_entry: Only approvers can change which disputes a channel follows. "
                  + permissions.howToGrant(Role.APPROVER)));
    }
    if (channelId == null || !(channelId.startsWith("C") || channelId.startsWith("G"))) {
      return Optional.of(
          CommandReply.text(
              ":warning: Subscribe in the channel that should get the cards (one the bot is in),"
                  + " not in a direct message."));
    }
    return Optional.empty();
  }

  private String configuredNote(String channelId) {
    long n = router.configuredRoutes().stream().filter(r -> r.channel().equals(channelId)).count();
    return n == 0
        ? ""
        : " Its " + n + " route(s) from the config file are changed there, not from Slack.";
  }

  private static String list(List<Subscription> subs) {
    return subs.stream().map(s -> "`" + s.words() + "`").collect(Collectors.joining(", "));
  }

  private void audit(String userId, String action, String outcome, String detail) {
    audit.append(
        new AuditEntry(clock.instant(), userId, null, action, null, outcome, null, detail));
  }

  /** Posts a new subscription's open disputes that need a response; says what it did. */
  @FunctionalInterface
  public interface Backfill {
    String run(Subscription subscription);
  }
}
