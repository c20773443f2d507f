package io.disputedesk.webhooks;

/** Makes a value a stranger sent safe to put in a log line: one line, quoted, short. */
final class LogText {
  static final int MAX_CHARS = 80;

  private LogText() {}

  /**
   * The value in double quotes with control characters, line and paragraph separators, quotes and
   * backslashes written as escapes, cut to {@link #MAX_CHARS} characters; {@code -} when absent.
   */
  static String of(String value) {
    if (value == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_CHARS) + 16).append('"');
    int n = Math.min(value.length(), MAX_CHARS);
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20
          || (c >= 0x7f && c <= 0x9f)
          || c == '\u2028'
          || c == '\u2029'
          || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
    if (value.length() > n) {
      out.append("...(").append(value.length()).append(" chars)");
    }
    return out.toString();
  }
}
