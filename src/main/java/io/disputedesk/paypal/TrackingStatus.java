package io.disputedesk.paypal;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A shipment's status as PayPal's Shipment Tracking API reports it. Unknown values read as {@link
 * #UNKNOWN}.
 */
public enum TrackingStatus {
  CANCELLED,
  DELIVERED,
  LOCAL_PICKUP,
  ON_HOLD,
  SHIPPED,
  SHIPMENT_CREATED,
  DROPPED_OFF,
  IN_TRANSIT,
  RETURNED,
  LABEL_PRINTED,
  ERROR,
  UNCONFIRMED,
  PICKUP_FAILED,
  DELIVERY_DELAYED,
  DELIVERY_SCHEDULED,
  DELIVERY_FAILED,
  INRETURN,
  IN_PROCESS,
  NEW,
  VOID,
  PROCESSED,
  NOT_SHIPPED,
  COMPLETED,
  @JsonEnumDefaultValue
  UNKNOWN
}
