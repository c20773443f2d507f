package io.disputedesk.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The secrets a JDBC URL carries, so that no message we build can repeat them. */
public record UrlSecrets(String redactedUrl, List<String> secrets) {
  private static final String MASK = "***";

  /**
   * {@code password=}, {@code sslpassword=}, {@code token=}… in a query or {@code ;key=value} part.
   */
  private static final Pattern PARAM =
      Pattern.compile(
          "(?i)([?&;][^=&;?#]*(?:password|passwd|pwd|secret|token)[^=&;?#]*=)([^&;#]*)");

  /** {@code //user:password@host} */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?#]*:)([^/@?#]*)(@)");

  public UrlSecrets {
    secrets = List.copyOf(secrets);
  }

  public static UrlSecrets of(String url) {
    if (url == null) {
      return new UrlSecrets("<no url>", List.of());
    }
    List<String> found = new ArrayList<>();
    String redacted = mask(PARAM, url, 2, found);
    redacted = mask(USER_INFO, redacted, 2, found);
    return new UrlSecrets(redacted, found);
  }

  private static String mask(Pattern pattern, String text, int group, List<String> found) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String secret = m.group(group);
      if (!secret.isEmpty() && !secret.equals(MASK)) {
        found.add(secret);
        String decoded = decode(secret);
        if (!decoded.equals(secret)) {
          found.add(decoded);
        }
      }
      StringBuilder replacement = new StringBuilder();
      for (int g = 1; g <= m.groupCount(); g++) {
        replacement.append(g == group ? MASK : m.group(g));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** The text with every secret of the URL replaced by a mask. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /** True when the throwable or any cause mentions a secret. */
  boolean leaksInto(Throwable t) {
    for (Throwable x = t; x != null; x = x.getCause()) {
      String text = x.toString();
      if (!scrub(text).equals(text)) {
        return true;
      }
    }
    return false;
  }
}
