package io.disputedesk.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small multipart/form-data parser: enough for PayPal's {@code input} JSON part plus file parts.
 */
final class Multipart {
  /** One part: its form name, file name (null for plain fields), content type and bytes. */
  record Part(String name, String filename, String contentType, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static List<Part> parse(byte[] body, String contentType) {
    String boundary = parameter(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw malformed("The multipart Content-Type has no boundary.");
    }
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw malformed("The multipart body does not contain its boundary.");
    }
    List<Part> parts = new ArrayList<>();
    pos += delimiter.length;
    while (true) {
      if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
        return parts;
      }
      if (pos + 1 >= body.length || body[pos] != '\r' || body[pos + 1] != '\n') {
        throw malformed("The multipart body is truncated.");
      }
      pos += 2;
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      int contentEnd = headerEnd < 0 ? -1 : indexOf(body, next, headerEnd + 4);
      if (contentEnd < 0) {
        throw malformed("The multipart body is truncated.");
      }
      parts.add(
          part(
              new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8),
              Arrays.copyOfRange(body, headerEnd + 4, contentEnd)));
      pos = contentEnd + next.length;
    }
  }

  private static Part part(String headers, byte[] content) {
    String disposition = null;
    String type = null;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-disposition")) {
        disposition = value;
      } else if (name.equals("content-type")) {
        type = value;
      }
    }
    if (disposition == null || parameter(disposition, "name") == null) {
      throw malformed("A multipart part has no Content-Disposition name.");
    }
    return new Part(
        parameter(disposition, "name"), parameter(disposition, "filename"), type, content);
  }

  /** A parameter of a header value such as {@code form-data; name="input"}, unquoted. */
  static String parameter(String headerValue, String name) {
    if (headerValue == null) {
      return null;
    }
    for (String piece : headerValue.split(";")) {
      String p = piece.trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String v = p.substring(eq + 1).trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return v;
      }
    }
    return null;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static SimError malformed(String description) {
    return SimError.invalid(null, null, "MISSING_OR_INVALID_REQUEST_BODY", description);
  }
}
