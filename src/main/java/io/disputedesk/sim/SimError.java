package io.disputedesk.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * An error answer in PayPal's shape ({@code name, message, debug_id, details, links}), thrown to
 * end a request.
 */
final class SimError extends RuntimeException {
  private static final String INFO_BASE =
      "https://developer.paypal.com/docs/api/customer-disputes/v1/#error-";

  final int status;
  final String name;
  final List<Detail> details;
  final Map<String, String> headers;

  /**
   * Set for the OAuth-style 401 bodies ({@code error, error_description}), which have no debug_id.
   */
  final ObjectNode oauthBody;

  /** One entry of {@code details[]}; field, value and location may be null. */
  record Detail(String field, String value, String location, String issue, String description) {}

  private SimError(
      int status,
      String name,
      String message,
      List<Detail> details,
      Map<String, String> headers,
      ObjectNode oauthBody) {
    super(message, null, false, false);
    this.status = status;
    this.name = name;
    this.details = details;
    this.headers = headers;
    this.oauthBody = oauthBody;
  }

  static SimError of(int status, String name, String message, List<Detail> details) {
    return new SimError(status, name, message, details, Map.of(), null);
  }

  /** A 400 for one part of the request ({@code location}: body, query, path, header). */
  static SimError badRequest(
      String field, String value, String location, String issue, String description) {
    return of(
        400,
        "INVALID_REQUEST",
        "Request is not well-formed, syntactically incorrect, or violates schema.",
        List.of(new Detail(field, value, location, issue, description)));
  }

  /** A 400 for a body field that breaks the schema. */
  static SimError invalid(String field, String value, String issue, String description) {
    return badRequest(field, value, "body", issue, description);
  }

  static SimError missing(String field) {
    return invalid(field, null, "MISSING_REQUIRED_PARAMETER", "A required field is missing.");
  }

  static SimError query(String field, String value, String issue, String description) {
    return badRequest(field, value, "query", issue, description);
  }

  /** A 422 business-rule failure. */
  static SimError unprocessable(String field, String value, String issue, String description) {
    return of(
        422,
        "UNPROCESSABLE_ENTITY",
        "The requested action could not be performed, semantically incorrect, or failed business validation.",
        List.of(new Detail(field, value, field == null ? null : "body", issue, description)));
  }

  static SimError notAllowed() {
    return unprocessable(
        null,
        null,
        "ACTION_NOT_ALLOWED_IN_CURRENT_DISPUTE_STATE",
        "This action is not allowed for this dispute ID. For the allowed actions, see the HATEOAS link in show dispute details.");
  }

  /**
   * PayPal's 403 for a call the app may not make: a feature it lacks, a merchant without its
   * consent, a buyer's action.
   */
  static SimError notAuthorized() {
    return of(
        403,
        "NOT_AUTHORIZED",
        "Authorization failed due to insufficient permissions.",
        List.of(
            new Detail(
                null,
                null,
                null,
                "PERMISSION_DENIED",
                "You do not have permission to access or perform operations on this resource.")));
  }

  static SimError notFound(String id) {
    return of(
        404,
        "RESOURCE_NOT_FOUND",
        "The specified resource does not exist.",
        List.of(
            new Detail(
                "dispute_id",
                id,
                "path",
                "INVALID_RESOURCE_ID",
                "Requested resource ID was not found.")));
  }

  static SimError unsupportedMediaType(String description) {
    return of(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        "The server does not support the request payload's media type.",
        List.of(new Detail(null, null, "header", "UNSUPPORTED_MEDIA_TYPE", description)));
  }

  static SimError oauth(int status, String error, String description) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("error", error);
    body.put("error_description", description);
    return new SimError(status, error, description, List.of(), Map.of(), body);
  }

  /** A generic error for an HTTP status, as fault injection and sandbox test values produce it. */
  static SimError forStatus(int status, String issue) {
    if (status == 401) {
      return oauth(401, "invalid_token", "Access Token not found in cache");
    }
    String name = nameFor(status);
    String text = messageFor(status);
    List<Detail> details =
        issue == null ? List.of() : List.of(new Detail(null, null, null, issue, text));
    return of(status, name, text, details);
  }

  SimError withHeader(String header, String value) {
    return new SimError(status, name, getMessage(), details, Map.of(header, value), oauthBody);
  }

  ObjectNode body(String debugId) {
    if (oauthBody != null) {
      return oauthBody.deepCopy();
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("name", name);
    body.put("message", getMessage());
    body.put("debug_id", debugId);
    if (!details.isEmpty()) {
      ArrayNode arr = body.putArray("details");
      for (Detail d : details) {
        ObjectNode n = arr.addObject();
        putIfPresent(n, "field", d.field());
        putIfPresent(n, "value", d.value());
        putIfPresent(n, "location", d.location());
        n.put("issue", d.issue());
        putIfPresent(n, "description", d.description());
      }
    }
    String anchor = details.isEmpty() ? name : details.get(0).issue();
    ObjectNode link = body.putArray("links").addObject();
    link.put("href", INFO_BASE + anchor);
    link.put("rel", "information_link");
    link.put("method", "GET");
    return body;
  }

  private static void putIfPresent(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }

  static String nameFor(int status) {
    return switch (status) {
      case 400 -> "INVALID_REQUEST";
      case 403 -> "NOT_AUTHORIZED";
      case 404 -> "RESOURCE_NOT_FOUND";
      case 405 -> "METHOD_NOT_SUPPORTED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "RESOURCE_CONFLICT";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 422 -> "UNPROCESSABLE_ENTITY";
      case 429 -> "RATE_LIMIT_REACHED";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_SERVER_ERROR" : "INVALID_REQUEST";
    };
  }

  private static String messageFor(int status) {
    return switch (status) {
      case 403 -> "Authorization failed due to insufficient permissions.";
      case 404 -> "The specified resource does not exist.";
      case 405 -> "The server does not implement the requested HTTP method.";
      case 406 -> "The server cannot produce a response in the requested media type.";
      case 409 -> "The server has detected a conflict while processing this request.";
      case 415 -> "The server does not support the request payload's media type.";
      case 422 ->
          "The requested action could not be performed, semantically incorrect, or failed business validation.";
      case 429 -> "Too many requests. Blocked due to rate limiting.";
      case 503 -> "Service Unavailable.";
      default ->
          status >= 500
              ? "An internal server error has occurred."
              : "Request is not well-formed, syntactically incorrect, or violates schema.";
    };
  }
}
