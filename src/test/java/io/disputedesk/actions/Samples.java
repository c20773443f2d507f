package io.disputedesk.actions;

import io.disputedesk.json.Json;
import io.disputedesk.paypal.Dispute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * PayPal's sample disputes from {@code src/test/resources/paypal/}, read as the client reads them.
 */
public final class Samples {
  private Samples() {}

  public static Dispute dispute(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/paypal/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Json.newMapper().readValue(json, Dispute.class).withRawJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
