package io.disputedesk.paypal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.mockwebserver.RecordedRequest;

/** Splits a recorded multipart/form-data body into its parts, for assertions. */
final class Multipart {
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

  record Part(String name, String filename, String contentType, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private Multipart() {}

  static List<Part> parse(RecordedRequest request) {
    MediaType type = MediaType.get(request.getHeader("Content-Type"));
    if (!type.type().equals("multipart") || !type.subtype().equals("form-data")) {
      throw new AssertionError("not multipart/form-data: " + type);
    }
    String boundary = type.parameter("boundary");
    // ISO-8859-1 maps each byte to one char, so binary parts survive the round trip.
    String body = new String(request.getBody().readByteArray(), StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary;
    List<Part> parts = new ArrayList<>();
    int at = body.indexOf(delimiter);
    while (at >= 0) {
      int start = at + delimiter.length();
      if (body.startsWith("--", start)) {
        break;
      }
      int headersEnd = body.indexOf("\r\n\r\n", start);
      int next = body.indexOf("\r\n" + delimiter, headersEnd);
      String headers = body.substring(start, headersEnd);
      byte[] content = body.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
      String contentType = null;
      for (String line : headers.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          contentType = line.substring("content-type:".length()).trim();
        }
      }
      parts.add(new Part(group(NAME, headers), group(FILENAME, headers), contentType, content));
      at = next + 2;
    }
    return parts;
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }
}
