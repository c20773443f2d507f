package io.disputedesk.sim.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disputedesk.sim.slack.Ephemeral;
import io.disputedesk.sim.slack.LocalSlack;
import io.disputedesk.sim.slack.SlackMessage;
import io.disputedesk.sim.slack.SlackUser;
import io.disputedesk.sim.slack.SlackView;
import io.disputedesk.sim.slack.UploadedFile;
import java.time.Duration;
import java.util.List;

/**
 * The snapshot the page draws: the channel, an open thread, the user's ephemerals, modal and Home
 * tab.
 */
final class ConsoleState {
  private final LocalSlack slack;
  private final ConsoleSettings settings;
  private final ObjectMapper mapper;

  ConsoleState(LocalSlack slack, ConsoleSettings settings, ObjectMapper mapper) {
    this.slack = slack;
    this.settings = settings;
    this.mapper = mapper;
  }

  /**
   * Waits up to {@code wait} for something newer than {@code seen}, then returns the whole picture.
   */
  ObjectNode after(long seen, Duration wait, String threadTs) throws InterruptedException {
    return after(seen, wait, threadTs, settings.channel());
  }

  /** As above, showing {@code channel} (one of the settings' channels). */
  ObjectNode after(long seen, Duration wait, String threadTs, String channel)
      throws InterruptedException {
    long version = slack.client().awaitChange(seen, wait);
    return snapshot(version, threadTs, channel);
  }

  ObjectNode snapshot(long version, String threadTs) {
    return snapshot(version, threadTs, settings.channel());
  }

  ObjectNode snapshot(long version, String threadTs, String channel) {
    String me = settings.userId();
    ObjectNode out = mapper.createObjectNode().put("version", version);
    out.putObject("team").put("name", slack.workspace().teamName());
    out.putObject("bot").put("userId", slack.workspace().botUserId()).put("name", botName());
    out.putObject("me").put("id", me).put("name", displayName(me));
    out.putObject("channel")
        .put("id", channel)
        .put("name", slack.channelNames().getOrDefault(channel, channel));
    ObjectNode users = out.putObject("users");
    for (SlackUser u : slack.users()) {
      users
          .putObject(u.id())
          .put("name", u.realName() == null ? u.name() : u.realName())
          .put("handle", u.name())
          .put("bot", u.isBot());
    }
    ObjectNode channels = out.putObject("channels");
    slack.channelNames().forEach(channels::put);
    ArrayNode switchable = out.putArray("channelList");
    settings
        .channels()
        .forEach(
            c ->
                switchable
                    .addObject()
                    .put("id", c)
                    .put("name", slack.channelNames().getOrDefault(c, c)));
    messages(out.putArray("messages"), slack.messages(channel));
    files(out.putArray("files"), channel);
    String dm = directMessageChannel(me);
    ObjectNode direct = out.putObject("dm").put("id", dm);
    messages(direct.putArray("messages"), slack.messages(dm));
    files(direct.putArray("files"), dm);
    ArrayNode ephemerals = out.putArray("ephemerals");
    for (Ephemeral e : slack.ephemerals(me)) {
      ObjectNode node =
          ephemerals
              .addObject()
              .put("ts", e.ts())
              .put("channel", e.channel())
              .put("text", e.text() == null ? "" : e.text());
      if (e.threadTs() != null) {
        node.put("threadTs", e.threadTs());
      }
      if (e.blocks() != null) {
        node.set("blocks", e.blocks());
      }
    }
    if (threadTs != null && !threadTs.isBlank()) {
      slack
          .message(channel, threadTs)
          .ifPresent(
              parent -> {
                ObjectNode thread = out.putObject("thread").put("ts", threadTs);
                thread.set("parent", message(parent));
                messages(thread.putArray("replies"), slack.replies(channel, threadTs));
              });
    }
    List<SlackView> modals = slack.openViews(me);
    out.put("modalDepth", modals.size());
    if (!modals.isEmpty()) {
      out.set("modal", modals.get(modals.size() - 1).json());
    }
    slack.homeView(me).ifPresent(home -> out.set("home", home.json()));
    return out;
  }

  /**
   * The user's direct-message channel with the bot, as LocalSlack's {@code conversations.open}
   * names it.
   */
  static String directMessageChannel(String userId) {
    return "D" + userId.substring(1);
  }

  private void files(ArrayNode into, String channel) {
    for (UploadedFile f : slack.uploadedFiles()) {
      if (channel.equals(f.channel())) {
        ObjectNode node =
            into.addObject()
                .put("id", f.id())
                .put("name", f.filename())
                .put("title", f.title())
                .put("size", f.content().length)
                .put("mimetype", f.mimetype());
        if (f.initialComment() != null) {
          node.put("comment", f.initialComment());
        }
      }
    }
  }

  private void messages(ArrayNode into, List<SlackMessage> list) {
    list.forEach(m -> into.add(message(m)));
  }

  private ObjectNode message(SlackMessage m) {
    ObjectNode node =
        mapper
            .createObjectNode()
            .put("ts", m.ts())
            .put("user", m.user())
            .put("text", m.text() == null ? "" : m.text())
            .put("bot", m.botId() != null)
            .put("edited", m.edited())
            .put("replyCount", m.replyCount());
    if (m.threadTs() != null) {
      node.put("threadTs", m.threadTs());
    }
    if (m.blocks() != null) {
      node.set("blocks", m.blocks());
    }
    return node;
  }

  private String botName() {
    return slack
        .user(slack.workspace().botUserId())
        .map(SlackUser::realName)
        .orElse(slack.workspace().botName());
  }

  private String displayName(String userId) {
    return slack
        .user(userId)
        .map(u -> u.realName() == null ? u.name() : u.realName())
        .orElse(userId);
  }
}
