package io.disputedesk.paypal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * PayPal's {@code PayPal-Auth-Assertion} header: an unsigned JWT ({@code {"alg":"none"}}) whose
 * payload names the partner app ({@code iss}, its client id) and the merchant it acts for ({@code
 * payer_id}), each part base64url-encoded without padding, the signature empty. PayPal accepts it
 * unsigned because the call's bearer token already proves the partner; it only says for whom.
 */
final class AuthAssertion {
  static final String HEADER = "PayPal-Auth-Assertion";
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private AuthAssertion() {}

  static String of(String partnerClientId, String payerId) {
    String header = "{\"alg\":\"none\"}";
    String payload =
        "{\"iss\":\""
            + jsonEscape(partnerClientId)
            + "\",\"payer_id\":\""
            + jsonEscape(payerId)
            + "\"}";
    return encode(header) + "." + encode(payload) + ".";
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
