package io.disputedesk.sim.slack;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stateful stand-in for Slack's Web API on {@code http://127.0.0.1:<port>/api/}, with a {@code
 * response_url} sink under {@code /hooks/}: answers like Slack, remembers what was posted, and lets
 * tests (and the demo console) inspect state and inject faults. Thread-safe.
 */
public final class LocalSlack implements AutoCloseable {

  /** How to start: port 0 picks a free one. */
  public record Settings(
      int port, String botToken, String appToken, Workspace workspace, Clock clock) {
    public Settings {
      Objects.requireNonNull(botToken, "botToken");
      Objects.requireNonNull(appToken, "appToken");
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(clock, "clock");
    }

    public static Settings defaults() {
      return new Settings(
          0,
          "xoxb-local-bot-token",
          "xapp-local-app-token",
          Workspace.defaults(),
          Clock.systemUTC());
    }

    public Settings withPort(int newPort) {
      return new Settings(newPort, botToken, appToken, workspace, clock);
    }

    public Settings withClock(Clock newClock) {
      return new Settings(port, botToken, appToken, workspace, newClock);
    }

    public Settings withTokens(String newBotToken, String newAppToken) {
      return new Settings(port, newBotToken, newAppToken, workspace, clock);
    }

    /** Without the tokens. */
    @Override
    public String toString() {
      return "Settings[port=" + port + ", team=" + workspace.teamId() + "]";
    }
  }

  private final Settings settings;
  private final SlackParts parts;
  private volatile String socketModeUrl;

  private LocalSlack(Settings settings) {
    this.settings = settings;
    this.parts = new SlackParts(settings, () -> socketModeUrl);
    this.socketModeUrl = "ws://127.0.0.1:0/socket-mode-not-configured";
  }

  /** Starts on a random port with default tokens and the system clock. */
  public static LocalSlack start() {
    return start(Settings.defaults());
  }

  public static LocalSlack start(Settings settings) {
    LocalSlack slack = new LocalSlack(settings);
    slack.parts.http().start();
    return slack;
  }

  // ---- where it is ----

  /** The Web API base for {@code SlackConfig#setMethodsEndpointUrlPrefix}, ending in {@code /}. */
  public String apiUrl() {
    return baseUrl() + SlackHttpServer.API;
  }

  /** A {@code response_url} that is only recorded. */
  public String hooksUrl(String suffix) {
    return baseUrl()
        + SlackHttpServer.HOOKS
        + (suffix.startsWith("/") ? suffix.substring(1) : suffix);
  }

  /**
   * A {@code response_url} for a button on a message: replace/delete-original and replies act on
   * it.
   */
  public String hooksUrlFor(String channel, String messageTs, String userId) {
    return hooksUrl(parts.hooks().mint(new HookSink.Target(channel, messageTs, userId)));
  }

  public String botToken() {
    return settings.botToken();
  }

  public String appToken() {
    return settings.appToken();
  }

  public Workspace workspace() {
    return settings.workspace();
  }

  /** What {@code apps.connections.open} returns: the Socket Mode fake's {@code ws://} URL. */
  public void socketModeUrl(String wsUrl) {
    this.socketModeUrl = Objects.requireNonNull(wsUrl);
  }

  // ---- test and console controls ----

  /** Every Web API call so far, in arrival order. */
  public List<ApiCall> calls() {
    return parts.calls().all();
  }

  public List<ApiCall> calls(String method) {
    return parts.calls().of(method);
  }

  public void clearCalls() {
    parts.calls().clear();
  }

  /**
   * Revokes the bot token, as uninstalling the app does: every Web API call with it answers {@code
   * token_revoked} until {@link #restoreBotToken()}. Sends no event; the test posts one if it
   * wants.
   */
  public void revokeBotToken() {
    parts.dispatcher().revokeBotToken(true);
  }

  /** Makes the bot token work again. */
  public void restoreBotToken() {
    parts.dispatcher().revokeBotToken(false);
  }

  /** The next {@code times} calls of {@code method} fail with {@code fault} and change nothing. */
  public void failNext(String method, int times, Fault fault) {
    parts.interceptions().failNext(method, times, fault);
  }

  public void clearFaults() {
    parts.interceptions().clearFaults();
  }

  /** Holds the next call of {@code method} at {@code at} until the returned pause is released. */
  public Pause pauseNext(String method, Pause.At at) {
    return parts.interceptions().pauseNext(method, at);
  }

  /**
   * A trigger id for an interaction by {@code userId}, as Slack puts in payloads: single use, 3 s.
   */
  public String issueTrigger(String userId) {
    return parts.views().issueTrigger(userId);
  }

  /**
   * A file {@code userId} attached in a modal's {@code file_input}: put its description into the
   * submission's state; the bot can then download it with its token.
   */
  public InputFile addInputFile(String userId, String name, String mimetype, byte[] content) {
    return parts.inputFiles().add(baseUrl(), userId, name, mimetype, content);
  }

  /** Deletes a message as a person in Slack would. */
  public boolean deleteMessage(String channel, String ts) {
    return parts.messages().delete(channel, ts);
  }

  public void addUser(SlackUser user) {
    parts.directory().addUser(user);
    parts.changes().bump();
  }

  public void addUserGroup(String id, String handle, List<String> userIds) {
    parts.directory().addGroup(new Directory.UserGroup(id, handle, userIds));
  }

  public void addChannel(String id, String name) {
    parts.directory().addChannel(id, name);
    parts.messages().addChannel(id);
    parts.changes().bump();
  }

  /** Closes the user's modals, as submitting with {@code clear} or pressing Cancel would. */
  public void closeViews(String userId) {
    parts.views().closeAll(userId);
  }

  /** What a Slack client does on its own, without the bot (the demo console). */
  public SlackClientSide client() {
    return parts.client();
  }

  // ---- state ----

  /** Top-level messages of a channel, oldest first, as they currently stand. */
  public List<SlackMessage> messages(String channel) {
    return parts.messages().topLevel(channel);
  }

  public Optional<SlackMessage> message(String channel, String ts) {
    return parts.messages().find(channel, ts);
  }

  /** Replies in the thread under {@code threadTs}, oldest first. */
  public List<SlackMessage> replies(String channel, String threadTs) {
    return parts.messages().replies(channel, threadTs);
  }

  public List<Ephemeral> ephemerals(String userId) {
    return parts.messages().ephemerals(userId);
  }

  /** The user's open modal stack, root first. */
  public List<SlackView> openViews(String userId) {
    return parts.views().stack(userId);
  }

  public Optional<SlackView> view(String viewId) {
    return parts.views().view(viewId);
  }

  public Optional<SlackView> homeView(String userId) {
    return parts.views().home(userId);
  }

  public List<SlackUser> users() {
    return parts.directory().users();
  }

  public Optional<SlackUser> user(String id) {
    return parts.directory().user(id);
  }

  public Map<String, String> channelNames() {
    return parts.directory().channelNames();
  }

  public List<ResponseUrlPost> responseUrlPosts() {
    return parts.hooks().posts();
  }

  public List<UploadedFile> uploadedFiles() {
    return parts.files().completed();
  }

  /** Stops the server; calls held by a pause are cut. */
  @Override
  public void close() {
    parts.interceptions().releaseAll();
    parts.http().stop();
  }

  private String baseUrl() {
    return parts.http().baseUrl();
  }
}
