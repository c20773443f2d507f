package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Channel messages, thread replies and ephemeral messages of the local workspace. */
final class MessageStore {
  private final TsClock clock;
  private final ChangeFeed changes;
  private final Map<String, List<SlackMessage>> channels = new HashMap<>();
  private final Map<ThreadKey, List<SlackMessage>> threads = new HashMap<>();
  private final Map<String, List<Ephemeral>> ephemerals = new HashMap<>();
  private final Set<String> knownChannels = ConcurrentHashMap.newKeySet();

  private record ThreadKey(String channel, String ts) {}

  /** A new message's content. */
  record Draft(String text, JsonNode blocks, MessageMetadata metadata) {}

  MessageStore(TsClock clock, ChangeFeed changes) {
    this.clock = clock;
    this.changes = changes;
  }

  void addChannel(String channel) {
    knownChannels.add(channel);
  }

  boolean hasChannel(String channel) {
    return knownChannels.contains(channel);
  }

  /**
   * Posts a message; with {@code threadTs} it is a reply. Like Slack, a reply to a ts that is no
   * message is accepted and ends up in a thread nobody sees.
   */
  synchronized SlackMessage post(
      String channel, String threadTs, String user, String botId, Draft draft) {
    knownChannels.add(channel);
    String ts = clock.next();
    SlackMessage message =
        new SlackMessage(
            channel,
            ts,
            threadTs,
            user,
            botId,
            draft.text(),
            draft.blocks(),
            draft.metadata(),
            false,
            0,
            null);
    if (threadTs == null) {
      channels.computeIfAbsent(channel, c -> new ArrayList<>()).add(message);
    } else {
      threads
          .computeIfAbsent(new ThreadKey(channel, threadTs), k -> new ArrayList<>())
          .add(message);
      replaceTopLevel(channel, threadTs, parent -> parent.withReply(ts));
    }
    changes.bump();
    return message;
  }

  /** Replaces text, blocks and metadata of a message (top-level or reply). */
  synchronized SlackMessage update(String channel, String ts, Draft draft) {
    SlackMessage current =
        find(channel, ts).orElseThrow(() -> new MethodError("message_not_found"));
    SlackMessage updated = current.edit(draft.text(), draft.blocks(), draft.metadata());
    replace(updated);
    changes.bump();
    return updated;
  }

  /** Deletes a message; false if there was none. */
  synchronized boolean delete(String channel, String ts) {
    List<SlackMessage> top = channels.get(channel);
    if (top != null && top.removeIf(m -> m.ts().equals(ts))) {
      changes.bump();
      return true;
    }
    for (Map.Entry<ThreadKey, List<SlackMessage>> thread : threads.entrySet()) {
      if (thread.getKey().channel().equals(channel)
          && thread.getValue().removeIf(m -> m.ts().equals(ts))) {
        List<SlackMessage> rest = thread.getValue();
        String latest = rest.isEmpty() ? null : rest.get(rest.size() - 1).ts();
        replaceTopLevel(channel, thread.getKey().ts(), parent -> parent.withoutReply(latest));
        changes.bump();
        return true;
      }
    }
    return false;
  }

  synchronized Optional<SlackMessage> find(String channel, String ts) {
    Optional<SlackMessage> top =
        channels.getOrDefault(channel, List.of()).stream()
            .filter(m -> m.ts().equals(ts))
            .findFirst();
    if (top.isPresent()) {
      return top;
    }
    return threads.entrySet().stream()
        .filter(e -> e.getKey().channel().equals(channel))
        .flatMap(e -> e.getValue().stream())
        .filter(m -> m.ts().equals(ts))
        .findFirst();
  }

  /** Top-level messages of a channel, oldest first. */
  synchronized List<SlackMessage> topLevel(String channel) {
    return List.copyOf(channels.getOrDefault(channel, List.of()));
  }

  /** Replies in the thread under {@code threadTs}, oldest first. */
  synchronized List<SlackMessage> replies(String channel, String threadTs) {
    return List.copyOf(threads.getOrDefault(new ThreadKey(channel, threadTs), List.of()));
  }

  synchronized Ephemeral postEphemeral(String channel, String user, String threadTs, Draft draft) {
    knownChannels.add(channel);
    Ephemeral ephemeral =
        new Ephemeral(channel, user, clock.next(), threadTs, draft.text(), draft.blocks());
    ephemerals.computeIfAbsent(user, u -> new ArrayList<>()).add(ephemeral);
    changes.bump();
    return ephemeral;
  }

  /**
   * Replaces an ephemeral message's content, as {@code replace_original} on its response URL does.
   */
  synchronized boolean replaceEphemeral(String user, String ts, Draft draft) {
    List<Ephemeral> list = ephemerals.getOrDefault(user, List.of());
    for (int i = 0; i < list.size(); i++) {
      Ephemeral e = list.get(i);
      if (e.ts().equals(ts)) {
        list.set(
            i,
            new Ephemeral(
                e.channel(), e.user(), e.ts(), e.threadTs(), draft.text(), draft.blocks()));
        changes.bump();
        return true;
      }
    }
    return false;
  }

  /** Removes an ephemeral message, as the user dismissing it or {@code delete_original} does. */
  synchronized boolean deleteEphemeral(String user, String ts) {
    boolean removed =
        ephemerals.getOrDefault(user, new ArrayList<>()).removeIf(e -> e.ts().equals(ts));
    if (removed) {
      changes.bump();
    }
    return removed;
  }

  synchronized List<Ephemeral> ephemerals(String user) {
    return List.copyOf(ephemerals.getOrDefault(user, List.of()));
  }

  private void replace(SlackMessage updated) {
    List<SlackMessage> list =
        updated.isReply()
            ? threads.get(new ThreadKey(updated.channel(), updated.threadTs()))
            : channels.get(updated.channel());
    list.replaceAll(m -> m.ts().equals(updated.ts()) ? updated : m);
  }

  private void replaceTopLevel(String channel, String ts, UnaryOperator<SlackMessage> change) {
    List<SlackMessage> top = channels.get(channel);
    if (top != null) {
      top.replaceAll(m -> m.ts().equals(ts) ? change.apply(m) : m);
    }
  }
}
