package io.disputedesk.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's URL from {@code auth.test}, asked once and remembered; empty (and asked again
 * later) on failure.
 */
public final class WorkspaceUrl implements Supplier<Optional<String>> {
  private static final Logger log = LoggerFactory.getLogger(WorkspaceUrl.class);

  private final MethodsClient methods;
  private volatile String url;

  /** {@code methods} is the bot-token client, e.g. {@code slack.methods(botToken)}. */
  public WorkspaceUrl(MethodsClient methods) {
    this.methods = methods;
  }

  @Override
  public Optional<String> get() {
    String known = url;
    if (known != null) {
      return Optional.of(known);
    }
    try {
      AuthTestResponse auth = methods.authTest(r -> r);
      if (auth.isOk() && auth.getUrl() != null) {
        url = auth.getUrl();
        return Optional.of(url);
      }
      log.warn(
          "auth.test gave no workspace URL ({}); links to cards are left out", auth.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("auth.test failed ({}); links to cards are left out", e.getClass().getSimpleName());
    }
    return Optional.empty();
  }
}
