package io.disputedesk.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Which operation a method and path name, and the id in the path (dispute or tracker) if any. */
record ApiRoute(String operation, Set<String> methods, String disputeId) {
  static final String UNKNOWN = "unknown";
  private static final String DISPUTES = "/v1/customer/disputes";
  private static final String REPORTING = "/v1/reporting/transactions";
  private static final String TRACKERS = "/v1/shipping/trackers";
  private static final Set<String> BUYER_ACTIONS = Set.of("accept-offer", "deny-offer");

  static ApiRoute resolve(String method, String rawPath) {
    String p =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    switch (p) {
      case "/v1/oauth2/token":
        return new ApiRoute("token", Set.of("POST"), null);
      case DISPUTES:
        return new ApiRoute("list", Set.of("GET"), null);
      case "/v1/notifications/verify-webhook-signature":
        return new ApiRoute("verify-webhook-signature", Set.of("POST"), null);
      case REPORTING:
        return new ApiRoute("transactions-search", Set.of("GET"), null);
      case TRACKERS:
        return new ApiRoute(
            "POST".equals(method) ? "trackers-add" : "trackers-list", Set.of("GET", "POST"), null);
      default:
        break;
    }
    if (p.startsWith(TRACKERS + "/") && p.indexOf('/', TRACKERS.length() + 1) < 0) {
      return new ApiRoute("tracker-get", Set.of("GET"), decode(p.substring(TRACKERS.length() + 1)));
    }
    if (p.startsWith(DISPUTES + "/")) {
      String[] segments = p.substring(DISPUTES.length() + 1).split("/", -1);
      String id = decode(segments[0]);
      if (segments.length == 1) {
        return new ApiRoute("PATCH".equals(method) ? "patch" : "get", Set.of("GET", "PATCH"), id);
      }
      if (segments.length == 2
          && (SellerActions.OPERATIONS.contains(segments[1])
              || BUYER_ACTIONS.contains(segments[1]))) {
        return new ApiRoute(segments[1], Set.of("POST"), id);
      }
    }
    return new ApiRoute(UNKNOWN, Set.of(), null);
  }

  boolean isSellerAction() {
    return SellerActions.OPERATIONS.contains(operation);
  }

  boolean isBuyerAction() {
    return BUYER_ACTIONS.contains(operation);
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
