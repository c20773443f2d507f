package io.disputedesk.testing;

/** An exact request body as Slack would send it, with its content type. */
public record SlackBody(String contentType, String body) {
  public static final String FORM = "application/x-www-form-urlencoded";
  public static final String JSON = "application/json";

  public static SlackBody form(String body) {
    return new SlackBody(FORM, body);
  }

  public static SlackBody json(String body) {
    return new SlackBody(JSON, body);
  }
}
