package io.disputedesk.sim.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSlackDirectoryTest {
  private final LocalSlackFixture f = new LocalSlackFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void authTestAnswersWithTheWorkspaceIdentity() throws Exception {
    AuthTestResponse auth = f.api.authTest(r -> r);

    assertThat(auth.isOk()).isTrue();
    assertThat(auth.getTeamId()).isEqualTo("T0A1B2C3D");
    assertThat(auth.getUserId()).isEqualTo("U0A1B2BOT");
    assertThat(auth.getBotId()).isEqualTo("B0A1B2C3H");
    assertThat(auth.getUrl()).isEqualTo("https://acme-payments.slack.com/");
  }

  @Test
  void usersInfoReadsTheDirectoryAndAddedUsers() throws Exception {
    f.slack.addUser(SlackUser.person("U0DAVE0001", "dave", "Dave Doe"));

    var alice = f.api.usersInfo(r -> r.user("U0A1B2C3E"));
    var dave = f.api.usersInfo(r -> r.user("U0DAVE0001"));
    var nobody = f.api.usersInfo(r -> r.user("U0NOBODY"));

    assertThat(alice.getUser().getName()).isEqualTo("alice");
    assertThat(alice.getUser().getProfile().getEmail()).isEqualTo("alice@example.com");
    assertThat(dave.getUser().getRealName()).isEqualTo("Dave Doe");
    assertThat(nobody.getError()).isEqualTo("user_not_found");
  }

  @Test
  void userGroupMembersAreListed() throws Exception {
    f.slack.addUserGroup("S0ONCALL01", "oncall", List.of("U0A1B2C3N"));

    assertThat(f.api.usergroupsUsersList(r -> r.usergroup("S0A1B2C3P")).getUsers())
        .containsExactly("U0A1B2C3E", "U0A1B2C3M");
    assertThat(f.api.usergroupsUsersList(r -> r.usergroup("S0ONCALL01")).getUsers())
        .containsExactly("U0A1B2C3N");
    assertThat(f.api.usergroupsUsersList(r -> r.usergroup("S0NOPE")).getError())
        .isEqualTo("no_such_subteam");
  }

  @Test
  void conversationsOpenGivesAStableDirectMessageChannel() throws Exception {
    var first = f.api.conversationsOpen(r -> r.users(List.of("U0A1B2C3M")));
    var again = f.api.conversationsOpen(r -> r.users(List.of("U0A1B2C3M")));
    var unknown = f.api.conversationsOpen(r -> r.users(List.of("U0NOBODY")));

    assertThat(first.getChannel().getId())
        .isEqualTo("D0A1B2C3M")
        .isEqualTo(again.getChannel().getId());
    assertThat(unknown.getError()).isEqualTo("user_not_found");
    assertThat(f.api.conversationsHistory(r -> r.channel("D0A1B2C3M")).isOk()).isTrue();
  }

  @Test
  void filesUploadV2StoresTheFileInTheChannel() throws Exception {
    FilesUploadV2Response upload =
        f.api.filesUploadV2(
            r ->
                r.channel("C0A1B2C3F")
                    .filename("evidence-D-1042.txt")
                    .title("Evidence D-1042")
                    .content("Tracking 1Z999, delivered 11-22")
                    .initialComment("Evidence attached"));

    assertThat(upload.isOk()).isTrue();
    assertThat(upload.getFile().getName()).isEqualTo("evidence-D-1042.txt");
    UploadedFile stored = f.slack.uploadedFiles().get(0);
    assertThat(stored.id()).isEqualTo(upload.getFile().getId());
    assertThat(stored.channel()).isEqualTo("C0A1B2C3F");
    assertThat(stored.title()).isEqualTo("Evidence D-1042");
    assertThat(stored.initialComment()).isEqualTo("Evidence attached");
    assertThat(stored.contentText()).isEqualTo("Tracking 1Z999, delivered 11-22");
  }

  @Test
  void socketModeConnectionNeedsTheAppToken() throws Exception {
    f.slack.socketModeUrl("ws://127.0.0.1:9/link");

    var withAppToken = f.sdk.methods().appsConnectionsOpen(r -> r.token(f.slack.appToken()));
    var withBotToken = f.sdk.methods().appsConnectionsOpen(r -> r.token(f.slack.botToken()));
    var withBogus = f.sdk.methods().appsConnectionsOpen(r -> r.token("xapp-bogus"));

    assertThat(withAppToken.getUrl()).isEqualTo("ws://127.0.0.1:9/link");
    assertThat(withBotToken.getError()).isEqualTo("not_allowed_token_type");
    assertThat(withBogus.getError()).isEqualTo("invalid_auth");
  }
}
