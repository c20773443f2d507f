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
 * PayPal's carrier codes for {@code tracking_info.carrier_name} (1,255 in the official spec). A
 * carrier a person names that is not among them is sent as {@code OTHER} with its name in {@code
 * carrier_name_other}, as PayPal asks.
 */
public final class Carriers {
  public static final String OTHER = "OTHER";
  private static final Set<String> CODES = load();

  private Carriers() {}

  /** The carrier as PayPal's code when it is one ("Royal Mail" → {@code ROYAL_MAIL}). */
  public static Optional<String> code(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String code = typed.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
    return CODES.contains(code) ? Optional.of(code) : Optional.empty();
  }

  public static boolean isCode(String value) {
    return value != null && CODES.contains(value);
  }

  private static Set<String> load() {
    Set<String> codes = new LinkedHashSet<>();
    try (InputStream in = Carriers.class.getResourceAsStream("/paypal/carriers.txt")) {
      if (in == null) {
        throw new IllegalStateException("paypal/carriers.txt is missing from the classpath");
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
