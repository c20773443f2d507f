package io.disputedesk.paypal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PayPal's carrier codes: for dispute evidence ({@code tracking_info.carrier_name}, 1,255 in the
 * disputes spec) and for Shipment Tracking ({@code tracker.carrier}, 817 in the tracking spec). A
 * carrier a person names that is not among them is sent as {@code OTHER} with its name in {@code
 * carrier_name_other}, as PayPal asks.
 */
public final class Carriers {
  public static final String OTHER = "OTHER";
  private static final Set<String> CODES = load("/paypal/carriers.txt");
  private static final Set<String> TRACKER_CODES = load("/paypal/tracker-carriers.txt");

  private Carriers() {}

  /** The carrier as PayPal's code when it is one ("Royal Mail" → {@code ROYAL_MAIL}). */
  public static Optional<String> code(String typed) {
    return codeIn(CODES, typed);
  }

  /**
   * The carrier as a Shipment Tracking code when it is one; empty for a carrier sent as {@code
   * OTHER}.
   */
  public static Optional<String> trackerCode(String typed) {
    return codeIn(TRACKER_CODES, typed);
  }

  private static Optional<String> codeIn(Set<String> codes, String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String code =
        typed
            .strip()
            .toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9]+", "_")
            .replaceAll("^_+|_+$", "");
    return codes.contains(code) ? Optional.of(code) : Optional.empty();
  }

  public static boolean isCode(String value) {
    return value != null && CODES.contains(value);
  }

  /** True for a Shipment Tracking carrier code ({@code OTHER} is not one: it goes with a name). */
  public static boolean isTrackerCode(String value) {
    return value != null && TRACKER_CODES.contains(value);
  }

  private static Set<String> load(String resource) {
    Set<String> codes = new LinkedHashSet<>();
    try (InputStream in = Carriers.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String code = line.strip();
        if (!code.isEmpty() && !code.startsWith("#")) {
          codes.add(code);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(codes);
  }
}
