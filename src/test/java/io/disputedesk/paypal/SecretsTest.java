package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final String BASIC =
      Base64.getEncoder()
          .encodeToString(
              (PayPalServer.CLIENT_ID + ":" + PayPalServer.SECRET)
                  .getBytes(StandardCharsets.UTF_8));

  private final PayPalServer paypal = new PayPalServer();

  @AfterEach
  void stop() {
    paypal.close();
  }

  @Test
  void credentialsToStringHidesTheSecret() {
    String text = paypal.credentials().toString();

    assertThat(text).contains(PayPalServer.CLIENT_ID).doesNotContain(PayPalServer.SECRET);
  }

  @Test
  void rejectedCredentialsDoNotLeakIntoTheException() {
    paypal.enqueueJson(
        401,
        "{\"error\":\"invalid_client\",\"error_description\":\"Client Authentication failed\"}");

    PayPalException e =
        catchThrowableOfType(PayPalException.class, () -> paypal.client.getDispute("PP-D-1"));

    assertNoSecrets(everything(e));
  }

  @Test
  void rejectedTokenDoesNotLeakIntoTheException() {
    paypal
        .token()
        .enqueueJson(401, Fixtures.text("error-401-invalid-token.json"))
        .token()
        .enqueueJson(401, Fixtures.text("error-401-invalid-token.json"));

    PayPalException e =
        catchThrowableOfType(PayPalException.class, () -> paypal.client.getDispute("PP-D-1"));

    assertThat(e.httpStatus()).isEqualTo(401);
    assertNoSecrets(everything(e));
  }

  @Test
  void unreadableTokenResponseIsNotQuoted() {
    paypal.enqueueJson(200, "access_token=" + PayPalServer.TOKEN + "&not=json");

    PayPalException e =
        catchThrowableOfType(PayPalException.class, () -> paypal.client.getDispute("PP-D-1"));

    assertThat(e.getMessage()).contains("token response is not JSON");
    assertNoSecrets(everything(e));
  }

  @Test
  void logLinesNameTheCallButNeverTheTokenOrSecret() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      paypal
          .token()
          .enqueue(
              PayPalServer.json(200, Fixtures.text("detail-inquiry-open-new.json"))
                  .setHeader("Paypal-Debug-Id", "dbg-777"))
          .enqueueJson(422, Fixtures.text("error-422-action-not-allowed.json"));
      paypal.client.getDispute("PP-D-1");
      catchThrowableOfType(
          PayPalException.class,
          () ->
              paypal.client.perform(
                  "PP-D-1", new ActionRequest.SendMessage("hi"), List.of(), "req-1"));
    } finally {
      System.setErr(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log)
        .contains("oauth2.token", "disputes.get", "dbg-777", "disputes.send-message", "422");
    assertNoSecrets(log);
  }

  private static String everything(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out + (e instanceof PayPalException p ? p.userMessage() : "");
  }

  private static void assertNoSecrets(String text) {
    assertThat(text)
        .isNotBlank()
        .doesNotContain(PayPalServer.SECRET)
        .doesNotContain(BASIC)
        .doesNotContain(PayPalServer.TOKEN);
  }
}
