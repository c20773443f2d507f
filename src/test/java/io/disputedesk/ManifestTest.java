package io.disputedesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.slack.api.methods.MethodsClient;
import io.disputedesk.testing.BotDesk;
import io.disputedesk.testing.BotDeskExtension;
import io.disputedesk.testing.DeskOptions;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeps {@code manifest.yml} honest: it declares exactly the slash commands and events the running
 * app registers, interactivity and the Home tab because handlers use them, and exactly the bot
 * scopes needed by the Slack Web API methods our code calls.
 */
class ManifestTest {
  /**
   * Slack Web API method (SDK name) → the bot scope it needs; "" for none. Every method we call
   * must be here.
   */
  private static final Map<String, String> SCOPE_OF =
      Map.ofEntries(
          Map.entry("authTest", ""),
          Map.entry("chatPostMessage", "chat:write"),
          Map.entry("chatUpdate", "chat:write"),
          Map.entry("chatPostEphemeral", "chat:write"),
          Map.entry("chatDelete", "chat:write"),
          Map.entry("chatGetPermalink", ""),
          Map.entry("conversationsHistory", "channels:history,groups:history"),
          Map.entry("conversationsReplies", "channels:history,groups:history"),
          Map.entry("conversationsOpen", "im:write"),
          Map.entry("filesUploadV2", "files:write"),
          Map.entry("filesInfo", "files:read"),
          Map.entry("filesList", "files:read"),
          Map.entry("usersInfo", "users:read"),
          Map.entry("usergroupsUsersList", "usergroups:read"),
          Map.entry("viewsOpen", ""),
          Map.entry("viewsPush", ""),
          Map.entry("viewsUpdate", ""),
          Map.entry("viewsPublish", ""));

  @RegisterExtension
  static final BotDeskExtension bot = BotDeskExtension.of(DeskOptions.defaults().replicas(0));

  private static BotDesk desk;
  private static JsonNode manifest;

  @BeforeAll
  static void start() throws IOException {
    manifest = new YAMLMapper().readTree(Path.of("manifest.yml").toFile());
    desk = bot.desk();
    desk.start();
  }

  @Test
  void declaresExactlyTheCommandsAndEventsTheAppHandles() throws Exception {
    com.slack.api.bolt.App bolt = desk.app().bolt();
    Set<String> commands = patterns(bolt, "slashCommandHandlers");
    Set<String> declared = new TreeSet<>();
    manifest
        .path("features")
        .path("slash_commands")
        .forEach(c -> declared.add(c.path("command").asText()));
    assertThat(declared).isEqualTo(commands);

    Set<String> events =
        new TreeSet<>(
            ((Map<?, ?>) field(bolt, "eventHandlers"))
                .keySet().stream().map(k -> k.toString().split(":")[0]).toList());
    Set<String> declaredEvents = new TreeSet<>();
    manifest
        .path("settings")
        .path("event_subscriptions")
        .path("bot_events")
        .forEach(e -> declaredEvents.add(e.asText()));
    assertThat(declaredEvents).isEqualTo(events);

    boolean interactive =
        !patterns(bolt, "blockActionHandlers").isEmpty()
            || !patterns(bolt, "viewSubmissionHandlers").isEmpty();
    assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean())
        .isEqualTo(interactive);
    assertThat(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean())
        .isEqualTo(events.contains("app_home_opened"));
  }

  @Test
  void declaresExactlyTheScopesOurSlackCallsNeed() throws IOException {
    Set<String> sdkMethods =
        Arrays.stream(MethodsClient.class.getMethods())
            .map(Method::getName)
            .collect(Collectors.toSet());
    Set<String> used = new TreeSet<>();
    boolean downloadsFiles = false;
    Pattern call = Pattern.compile("\\.([a-z][A-Za-z0-9]+)\\(");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/disputedesk"))) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/sim/"))
              .toList()) {
        String source = Files.readString(file);
        // Fetching a file a person attached (url_private_download) with the bot token needs
        // files:read.
        downloadsFiles |= source.contains("url_private");
        Matcher m = call.matcher(source);
        boolean generic = false;
        while (m.find()) {
          // A call the SDK does not name: runPostFormWithToken, or our own request to the
          // endpoint URL prefix (FormOpener's JSON views.open).
          if (m.group(1).startsWith("runPost") || m.group(1).equals("getEndpointUrlPrefix")) {
            generic = true;
          } else if (sdkMethods.contains(m.group(1)) && !m.group(1).startsWith("get")) {
            used.add(m.group(1));
          }
        }
        // A generic call names its Web API method in a string, e.g. "views.open".
        Matcher named =
            Pattern.compile("\"([a-z]+)\\.([a-z][A-Za-z]+)\"").matcher(generic ? source : "");
        while (named.find()) {
          String method =
              named.group(1)
                  + Character.toUpperCase(named.group(2).charAt(0))
                  + named.group(2).substring(1);
          if (sdkMethods.contains(method)) {
            used.add(method);
          }
        }
      }
    }
    assertThat(used)
        .as("every Slack method we call needs an entry in SCOPE_OF")
        .isSubsetOf(SCOPE_OF.keySet());
    Set<String> required = new TreeSet<>();
    used.forEach(
        method ->
            Arrays.stream(SCOPE_OF.get(method).split(","))
                .filter(s -> !s.isBlank())
                .forEach(required::add));
    if (downloadsFiles) {
      required.add("files:read");
    }
    if (!manifest.path("features").path("slash_commands").isEmpty()) {
      required.add("commands");
    }
    Set<String> declared = new TreeSet<>();
    manifest.path("oauth_config").path("scopes").path("bot").forEach(s -> declared.add(s.asText()));
    Map<String, Object> report = new TreeMap<>(Map.of("used methods", used));
    assertThat(declared).as("manifest scopes vs scopes needed by %s", report).isEqualTo(required);
  }

  @Test
  void socketModeVariantIsDocumentedAndHttpUrlsPointAtTheEventsPath() {
    assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
    assertThat(manifest.path("settings").path("event_subscriptions").path("request_url").asText())
        .endsWith("/slack/events");
    assertThat(manifest.path("settings").path("interactivity").path("request_url").asText())
        .endsWith("/slack/events");
    manifest
        .path("features")
        .path("slash_commands")
        .forEach(c -> assertThat(c.path("url").asText()).endsWith("/slack/events"));
  }

  private static Set<String> patterns(Object bolt, String name) throws Exception {
    return ((Map<?, ?>) field(bolt, name))
        .keySet().stream()
            .map(
                p ->
                    ((Pattern) p)
                        .pattern()
                        .replaceAll("^\\^|\\$$", "")
                        .replace("\\Q", "")
                        .replace("\\E", ""))
            .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Bolt keeps its registered listeners private; reading them here is the only way to list them.
   */
  private static Object field(Object bolt, String name) throws Exception {
    Field f = com.slack.api.bolt.App.class.getDeclaredField(name);
    f.setAccessible(true);
    return f.get(bolt);
  }
}
