package io.disputedesk.sim.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSlackViewsTest {
  private static final String ALICE = "U0A1B2C3E";

  private final LocalSlackFixture f = new LocalSlackFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void openedModalIsStoredWithGeneratedIdsForTheTriggersUser() throws Exception {
    String trigger = f.slack.issueTrigger(ALICE);

    ViewsOpenResponse opened =
        f.api.viewsOpen(r -> r.triggerId(trigger).view(modal("resolve", "Resolve D-1042")));

    assertThat(opened.isOk()).isTrue();
    View view = opened.getView();
    assertThat(view.getId()).startsWith("V");
    assertThat(view.getRootViewId()).isEqualTo(view.getId());
    assertThat(view.getHash()).isNotBlank();
    assertThat(view.getCallbackId()).isEqualTo("resolve");
    assertThat(view.getPrivateMetadata()).isEqualTo("{\"dispute_id\":\"D-1042\"}");
    assertThat(f.slack.openViews(ALICE)).extracting(SlackView::id).containsExactly(view.getId());
    assertThat(f.slack.view(view.getId()).orElseThrow().privateMetadata())
        .isEqualTo("{\"dispute_id\":\"D-1042\"}");
  }

  @Test
  void triggersAreSingleUseShortLivedAndMustBeReal() throws Exception {
    String used = f.slack.issueTrigger(ALICE);
    f.api.viewsOpen(r -> r.triggerId(used).view(modal("a", "A")));
    String late = f.slack.issueTrigger(ALICE);
    f.clock.advance(Duration.ofMillis(3001));

    assertThat(f.api.viewsOpen(r -> r.triggerId(used).view(modal("a", "A"))).getError())
        .isEqualTo("exchanged_trigger_id");
    assertThat(f.api.viewsOpen(r -> r.triggerId(late).view(modal("a", "A"))).getError())
        .isEqualTo("expired_trigger_id");
    assertThat(f.api.viewsOpen(r -> r.triggerId("123.456.abc").view(modal("a", "A"))).getError())
        .isEqualTo("invalid_trigger_id");
  }

  @Test
  void pushStacksUpToThreeModals() throws Exception {
    String root =
        f.api
            .viewsOpen(r -> r.triggerId(f.slack.issueTrigger(ALICE)).view(modal("one", "One")))
            .getView()
            .getId();
    var second =
        f.api.viewsPush(r -> r.triggerId(f.slack.issueTrigger(ALICE)).view(modal("two", "Two")));
    var third =
        f.api.viewsPush(
            r -> r.triggerId(f.slack.issueTrigger(ALICE)).view(modal("three", "Three")));
    var fourth =
        f.api.viewsPush(r -> r.triggerId(f.slack.issueTrigger(ALICE)).view(modal("four", "Four")));

    assertThat(second.getView().getRootViewId()).isEqualTo(root);
    assertThat(second.getView().getPreviousViewId()).isEqualTo(root);
    assertThat(third.isOk()).isTrue();
    assertThat(fourth.getError()).isEqualTo("push_limit_reached");
    assertThat(f.slack.openViews(ALICE))
        .extracting(SlackView::callbackId)
        .containsExactly("one", "two", "three");
    f.slack.closeViews(ALICE);
    assertThat(f.slack.openViews(ALICE)).isEmpty();
  }

  @Test
  void updateReplacesTheViewAndChecksTheHash() throws Exception {
    View opened =
        f.api
            .viewsOpen(r -> r.triggerId(f.slack.issueTrigger(ALICE)).view(modal("one", "One")))
            .getView();

    var updated =
        f.api.viewsUpdate(
            r -> r.viewId(opened.getId()).hash(opened.getHash()).view(modal("one", "Step 2")));
    var stale =
        f.api.viewsUpdate(
            r -> r.viewId(opened.getId()).hash(opened.getHash()).view(modal("one", "Step 3")));
    var missing = f.api.viewsUpdate(r -> r.viewId("V0NOPE").view(modal("one", "x")));

    assertThat(updated.isOk()).isTrue();
    assertThat(updated.getView().getId()).isEqualTo(opened.getId());
    assertThat(updated.getView().getHash()).isNotEqualTo(opened.getHash());
    assertThat(stale.getError()).isEqualTo("hash_conflict");
    assertThat(missing.getError()).isEqualTo("not_found");
    assertThat(
            f.slack.view(opened.getId()).orElseThrow().json().path("title").path("text").asText())
        .isEqualTo("Step 2");
  }

  @Test
  void aModalTheUserClosedIsGoneForUpdatesAsInSlack() throws Exception {
    View opened =
        f.api
            .viewsOpen(r -> r.triggerId(f.slack.issueTrigger(ALICE)).view(modal("one", "One")))
            .getView();
    var whileOpen = f.api.viewsUpdate(r -> r.viewId(opened.getId()).view(modal("one", "Sending")));

    f.slack.client().closeTopView(ALICE);
    var afterClose = f.api.viewsUpdate(r -> r.viewId(opened.getId()).view(modal("one", "Done")));

    assertThat(whileOpen.isOk()).isTrue();
    assertThat(afterClose.getError()).isEqualTo("not_found");
    assertThat(
            f.slack.view(opened.getId()).orElseThrow().json().path("title").path("text").asText())
        .isEqualTo("Sending");
  }

  @Test
  void publishKeepsOneHomeViewPerUser() throws Exception {
    ViewsPublishResponse first = f.api.viewsPublish(r -> r.userId(ALICE).view(home("*3* open")));
    ViewsPublishResponse second = f.api.viewsPublish(r -> r.userId(ALICE).view(home("*2* open")));
    ViewsPublishResponse wrongType = f.api.viewsPublish(r -> r.userId(ALICE).view(modal("x", "x")));

    assertThat(second.getView().getId()).isEqualTo(first.getView().getId());
    assertThat(wrongType.getError()).isEqualTo("invalid_arguments");
    SlackView home = f.slack.homeView(ALICE).orElseThrow();
    assertThat(home.blocks().get(0).path("text").path("text").asText()).isEqualTo("*2* open");
    assertThat(f.slack.homeView("U0A1B2C3M")).isEmpty();
  }

  @Test
  void oversizedModalIsRejectedLikeSlackDoes() throws Exception {
    View longTitle = modal("x", "A title much longer than twenty-four");

    var reply = f.api.viewsOpen(r -> r.triggerId(f.slack.issueTrigger(ALICE)).view(longTitle));

    assertThat(reply.getError()).isEqualTo("invalid_arguments");
    assertThat(reply.getResponseMetadata().getMessages()).isNotEmpty();
  }

  private static View modal(String callbackId, String title) {
    return view(
        v ->
            v.type("modal")
                .callbackId(callbackId)
                .privateMetadata("{\"dispute_id\":\"D-1042\"}")
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .blocks(asBlocks(section(s -> s.text(markdownText("body"))))));
  }

  private static View home(String text) {
    return view(v -> v.type("home").blocks(asBlocks(section(s -> s.text(markdownText(text))))));
  }
}
