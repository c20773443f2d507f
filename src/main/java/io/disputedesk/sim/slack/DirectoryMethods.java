package io.disputedesk.sim.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code auth.test}, {@code users.info}, {@code usergroups.users.list} and {@code
 * apps.connections.open}.
 */
final class DirectoryMethods {
  private final Directory directory;
  private final Workspace workspace;
  private final Supplier<String> socketModeUrl;
  private final ObjectMapper mapper;

  DirectoryMethods(
      Directory directory,
      Workspace workspace,
      Supplier<String> socketModeUrl,
      ObjectMapper mapper) {
    this.directory = directory;
    this.workspace = workspace;
    this.socketModeUrl = socketModeUrl;
    this.mapper = mapper;
  }

  void registerInto(Map<String, Method> table) {
    table.put("auth.test", call -> authTest());
    table.put("users.info", this::usersInfo);
    table.put("usergroups.users.list", this::userGroupMembers);
    table.put(
        ApiDispatcher.SOCKET_MODE_METHOD,
        call -> mapper.createObjectNode().put("url", socketModeUrl.get()));
  }

  private ObjectNode authTest() {
    return mapper
        .createObjectNode()
        .put("url", workspace.url())
        .put("team", workspace.teamName())
        .put("user", workspace.botName())
        .put("team_id", workspace.teamId())
        .put("user_id", workspace.botUserId())
        .put("bot_id", workspace.botId())
        .put("is_enterprise_install", false);
  }

  private ObjectNode usersInfo(ApiCall call) {
    String id = new Params(call, mapper).required("user", "user_not_found");
    SlackUser user = directory.user(id).orElseThrow(() -> new MethodError("user_not_found"));
    ObjectNode out = mapper.createObjectNode();
    ObjectNode node =
        out.putObject("user")
            .put("id", user.id())
            .put("team_id", workspace.teamId())
            .put("name", user.name())
            .put("deleted", false)
            .put("real_name", user.realName())
            .put("tz", user.tz())
            .put("is_admin", false)
            .put("is_bot", user.isBot());
    ObjectNode profile =
        node.putObject("profile")
            .put("real_name", user.realName())
            .put("display_name", user.name());
    if (user.email() != null) {
      profile.put("email", user.email());
    }
    return out;
  }

  private ObjectNode userGroupMembers(ApiCall call) {
    String id = new Params(call, mapper).required("usergroup");
    Directory.UserGroup group =
        directory.group(id).orElseThrow(() -> new MethodError("no_such_subteam"));
    ObjectNode out = mapper.createObjectNode();
    out.set("users", mapper.valueToTree(group.users()));
    return out;
  }
}
