package io.disputedesk.sim;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Makes ids in PayPal's formats; dispute and transaction ids repeat for the same seed. */
final class SimIds {
  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

  private final Random random;
  private final SecureRandom secure = new SecureRandom();
  private long sequence;

  SimIds(long seed) {
    this.random = new Random(seed);
  }

  /**
   * The next dispute id, cycling through the formats PayPal uses: PP-D-27803, PP-R-AYP-10135034,
   * PP-000-042-663-135.
   */
  synchronized String disputeId() {
    long n = sequence++;
    return switch ((int) (n % 3)) {
      case 0 -> "PP-D-" + (10000 + n * 7 + random.nextInt(7));
      case 1 -> "PP-R-" + pick(LETTERS, 3) + "-" + (10100000 + n * 11 + random.nextInt(11));
      default -> {
        String digits = String.format("%09d", 42000000 + n * 13 + random.nextInt(13));
        yield "PP-000-"
            + digits.substring(0, 3)
            + "-"
            + digits.substring(3, 6)
            + "-"
            + digits.substring(6);
      }
    };
  }

  /** A 17-character transaction id such as {@code 7XB07472F52871902}. */
  synchronized String transactionId() {
    return pick(ALNUM, 17);
  }

  synchronized String webhookEventId() {
    return "WH-" + pick(ALNUM, 17) + "-" + pick(ALNUM, 17);
  }

  String accessToken() {
    byte[] bytes = new byte[45];
    secure.nextBytes(bytes);
    return "A21AA" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  String transmissionId() {
    return UUID.randomUUID().toString();
  }

  static String debugId() {
    return Long.toHexString(
        0x1000000000000L + ThreadLocalRandom.current().nextLong(0xEFFFFFFFFFFFFL));
  }

  private String pick(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
