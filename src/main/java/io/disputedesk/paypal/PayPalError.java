package io.disputedesk.paypal;

import java.util.List;
import java.util.Objects;

/**
 * PayPal's error body: the usual {@code name/message/debug_id/details} form, or the OAuth form
 * {@code error/error_description} that 401s use.
 */
record PayPalError(
    String name,
    String message,
    String debugId,
    String informationLink,
    List<Detail> details,
    List<Link> links,
    String error,
    String errorDescription) {

  PayPalError {
    details = details == null ? List.of() : details.stream().filter(Objects::nonNull).toList();
    links = links == null ? List.of() : links.stream().filter(Objects::nonNull).toList();
  }

  /** One entry of {@code details[]}; {@code issue} is the code to branch on. */
  record Detail(String field, String value, String location, String issue, String description) {}

  String effectiveName() {
    return name != null ? name : error;
  }

  String effectiveMessage() {
    return message != null ? message : errorDescription;
  }

  List<String> issues() {
    return details.stream().map(Detail::issue).filter(Objects::nonNull).toList();
  }

  List<PayPalException.Problem> problems() {
    return details.stream()
        .filter(d -> d.issue() != null)
        .map(d -> new PayPalException.Problem(d.field(), d.issue(), d.description()))
        .toList();
  }
}
