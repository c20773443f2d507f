package io.disputedesk.paypal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PayPal's Shipment Tracking API for the seller's transactions: the trackers PayPal holds, and
 * adding one. Needs the app's tracking scopes ({@code …/services/shipping/trackers/readwrite}).
 */
public final class ShipmentTracking {
  static final String LIST = "trackers.list";
  static final String ADD = "trackers.add";
  private static final Logger log = LoggerFactory.getLogger(ShipmentTracking.class);
  private static final Pattern TRANSACTION_ID = Pattern.compile("^[A-Za-z0-9]{1,50}$");
  private static final String PATH = "v1/shipping/trackers";

  private final PayPalApi api;
  private final ObjectMapper mapper;

  public ShipmentTracking(PayPalClient client) {
    this.api = client.api();
    this.mapper = client.mapper();
  }

  /**
   * The trackers PayPal holds for the transaction, in PayPal's order; empty when it holds none (a
   * 404 for the transaction counts as none). Other failures throw {@link PayPalException}.
   */
  public List<Tracker> trackers(String transactionId) {
    checkId(transactionId);
    HttpUrl url =
        api.url(PATH).newBuilder().addQueryParameter("transaction_id", transactionId).build();
    Reply reply;
    try {
      reply = api.get(LIST, url);
    } catch (PayPalException e) {
      if (e.httpStatus() == 404) {
        return List.of();
      }
      throw e;
    }
    return read(reply.body());
  }

  /**
   * Adds the shipment to its transaction, sent once with {@code payPalRequestId} in the spec's
   * collection shape ({@code {"trackers":[…]}}). Returns the tracker ids PayPal made ({@code
   * <transaction id>-<tracking number>}).
   */
  public List<String> add(NewTracker tracker, String payPalRequestId) {
    Objects.requireNonNull(tracker, "tracker");
    Check.text("payPalRequestId", payPalRequestId, 108);
    byte[] body;
    try {
      body = mapper.writeValueAsBytes(new TrackerCollection(List.of(tracker)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a tracker", e);
    }
    Reply reply =
        api.postAction(
            ADD, api.url(PATH), RequestBody.create(body, ActionBodies.JSON), payPalRequestId);
    List<String> ids = new ArrayList<>();
    try {
      for (JsonNode id : mapper.readTree(reply.body()).path("tracker_identifiers")) {
        String txn = id.path("transaction_id").asText(null);
        String number = id.path("tracking_number").asText(null);
        if (txn != null) {
          ids.add(number == null ? txn : txn + "-" + number);
        }
      }
    } catch (JsonProcessingException e) {
      // The tracker was added; only the ids in the answer are unreadable.
      log.warn("unreadable tracker ids in PayPal's answer: {}", e.getOriginalMessage());
    }
    return ids;
  }

  /**
   * The trackers in a list answer. PayPal sends {@code {"trackers":[…]}}; the published spec calls
   * the answer a single {@code tracker}, so a lone tracker object (or a bare array) reads as well.
   */
  private List<Tracker> read(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    try {
      JsonNode root = mapper.readTree(body);
      JsonNode list = root.isArray() ? root : root.path("trackers");
      List<Tracker> trackers = new ArrayList<>();
      if (list.isArray()) {
        for (JsonNode item : list) {
          if (item.isObject()) {
            trackers.add(mapper.treeToValue(item, Tracker.class));
          }
        }
      } else if (root.has("transaction_id") && root.has("status")) {
        trackers.add(mapper.treeToValue(root, Tracker.class));
      }
      return List.copyOf(trackers);
    } catch (JsonProcessingException e) {
      throw new PayPalException(LIST, "unreadable trackers from PayPal", e);
    }
  }

  private static void checkId(String transactionId) {
    if (transactionId == null || !TRANSACTION_ID.matcher(transactionId).matches()) {
      throw new IllegalArgumentException("not a PayPal transaction id: " + transactionId);
    }
  }

  /** The request body: the spec's {@code tracker_collection} of one tracker. */
  record TrackerCollection(List<NewTracker> trackers) {}
}
