package io.disputedesk.sync;

import io.disputedesk.paypal.Dispute;
import io.disputedesk.paypal.PayPalException;
import io.disputedesk.paypal.UnreadableReplyException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sorts what went wrong with one dispute during a poll: a problem of that dispute (it is set aside
 * and the poll goes on) or of PayPal as a whole (the poll fails and its cursor stays). Names each
 * problem with a short class that carries no buyer data.
 */
final class DetailsFailure {
  private static final Pattern ERROR_NAME = Pattern.compile("[A-Z][A-Z_]{0,39}");

  /** A {@code dispute_asset} key (a string value cannot be followed by a colon in JSON). */
  private static final Pattern ASSET_KEY = Pattern.compile("\"dispute_asset\"\\s*:");

  private DetailsFailure() {}

  /** Why a details read cannot be stored although PayPal answered 200, if it cannot. */
  static Optional<String> problem(Dispute full, String requestedId) {
    if (full == null || !requestedId.equals(full.disputeId())) {
      return Optional.of("WRONG_DISPUTE_ID");
    }
    // A crypto dispute may name its asset instead of an amount.
    if (full.disputeAmount() == null
        && (full.rawJson() == null || !ASSET_KEY.matcher(full.rawJson()).find())) {
      return Optional.of("MISSING_AMOUNT");
    }
    return Optional.empty();
  }

  /** PayPal refused our credentials or throttles us: no other dispute would fare better now. */
  static boolean stopsThePoll(PayPalException e) {
    return e.httpStatus() == 401 || e.httpStatus() == 429;
  }

  /** The class of a failure, e.g. {@code HTTP_503_SERVICE_UNAVAILABLE}, {@code UNREADABLE_JSON}. */
  static String errorClass(RuntimeException e) {
    if (e instanceof UnreadableReplyException) {
      return "UNREADABLE_JSON";
    }
    if (e instanceof PayPalException p) {
      if (p.httpStatus() == 0) {
        return "UNREACHABLE";
      }
      String name =
          p.name() != null && ERROR_NAME.matcher(p.name()).matches() ? "_" + p.name() : "";
      return "HTTP_" + p.httpStatus() + name;
    }
    return "INTERNAL_" + e.getClass().getSimpleName();
  }
}
