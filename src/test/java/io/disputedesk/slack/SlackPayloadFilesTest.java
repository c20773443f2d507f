package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.event.AppHomeOpenedEvent;
import io.disputedesk.http.FormCodec;
import io.disputedesk.testing.SignedPost;
import io.disputedesk.testing.SlackBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wire-exact bodies captured in {@code /work/shared/slack/payloads/} pass the front door. */
class SlackPayloadFilesTest {
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final FrontDoor door =
      new FrontDoor(
          app -> {
            app.command(
                "/disputes",
                (req, ctx) -> {
                  handled.add("command " + req.getPayload().getText());
                  return ctx.ack();
                });
            app.blockAction(
                "dispute_challenge",
                (req, ctx) -> {
                  handled.add("action " + req.getPayload().getActions().get(0).getValue());
                  ctx.respond("Challenge started");
                  return ctx.ack();
                });
            app.viewSubmission(
                "dispute_resolve_modal",
                (req, ctx) -> {
                  handled.add("submission " + req.getPayload().getView().getPrivateMetadata());
                  return ctx.ack();
                });
            app.event(
                AppHomeOpenedEvent.class,
                (req, ctx) -> {
                  handled.add("home " + req.getEvent().getUser());
                  return ctx.ack();
                });
          });

  @AfterEach
  void close() {
    door.close();
  }

  @Test
  void slashCommandFile() {
    assertThat(door.post.send(SlackBody.form(read("slash_command.form.txt"))).status())
        .isEqualTo(200);
    assertThat(handled).containsExactly("command open D-1042");
  }

  @Test
  void blockActionFileWithItsResponseUrlPointedAtTheSink() {
    // Slack's hooks host is swapped for the local sink, still URL-encoded inside the payload.
    String wire =
        read("block_actions_button.form.txt")
            .replace(
                FormCodec.encodePart("https://hooks.slack.com/"),
                FormCodec.encodePart(door.slack.hooksUrl("")));

    SignedPost.Reply reply = door.post.send(SlackBody.form(wire));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(handled).containsExactly("action D-1042");
    assertThat(door.slack.responseUrlPosts())
        .singleElement()
        .satisfies(
            post -> {
              assertThat(post.path())
                  .isEqualTo("actions/T0A1B2C3D/2222222222222/BcDeFgHiJkLmNoPqRsTuVwXy");
              assertThat(post.json().path("text").asText()).isEqualTo("Challenge started");
            });
  }

  @Test
  void viewSubmissionFile() {
    assertThat(door.post.send(SlackBody.form(read("view_submission_modal.form.txt"))).status())
        .isEqualTo(200);
    assertThat(handled).singleElement().asString().contains("\"dispute_id\":\"D-1042\"");
  }

  @Test
  void appHomeOpenedFile() {
    assertThat(door.post.send(SlackBody.json(read("event_app_home_opened.body.json"))).status())
        .isEqualTo(200);
    assertThat(handled).containsExactly("home U0A1B2C3E");
  }

  @Test
  void urlVerificationFile() {
    SignedPost.Reply reply = door.post.send(SlackBody.json(read("url_verification.body.json")));

    assertThat(reply.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  }

  private static String read(String name) {
    try (InputStream in =
        SlackPayloadFilesTest.class.getResourceAsStream("/slack/payloads/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
