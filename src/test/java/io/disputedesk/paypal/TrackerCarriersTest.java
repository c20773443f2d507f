package io.disputedesk.paypal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shipment Tracking's carriers are exactly the official spec's enum; any other carrier goes as
 * OTHER with its name.
 */
class TrackerCarriersTest {

  @Test
  void theTrackerCarrierListIsTheOfficialSpecsEnum() throws Exception {
    JsonNode spec;
    try (InputStream in =
        getClass().getResourceAsStream("/paypal/specs/shipping_shipment_tracking_v1.json")) {
      spec = new ObjectMapper().readTree(in);
    }
    List<String> official = new ArrayList<>();
    spec.at("/components/schemas/carrier/enum").forEach(c -> official.add(c.asText()));
    List<String> ours;
    try (InputStream in = Carriers.class.getResourceAsStream("/paypal/tracker-carriers.txt")) {
      ours =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList();
    }

    assertThat(ours).hasSize(817).containsExactlyElementsOf(official);
    official.forEach(code -> assertThat(Carriers.isTrackerCode(code)).as(code).isTrue());
  }

  @Test
  void aTypedCarrierBecomesItsCodeOrOtherWithItsName() {
    assertThat(NewTracker.typed("8MC585209K746392H", "Royal Mail", "RM1").carrier())
        .isEqualTo("ROYAL_MAIL");
    assertThat(NewTracker.typed("8MC585209K746392H", " usps ", "94001").carrier())
        .isEqualTo("USPS");
    NewTracker other = NewTracker.typed("8MC585209K746392H", "Speedy Parcels Ltd", "SP-1");
    assertThat(other.carrier()).isEqualTo("OTHER");
    assertThat(other.carrierNameOther()).isEqualTo("Speedy Parcels Ltd");
    assertThat(other.carrierName()).isEqualTo("Speedy Parcels Ltd");
    assertThat(other.status()).isEqualTo(TrackingStatus.SHIPPED);
  }

  @Test
  void aCarrierOutsideTheTrackingEnumIsRefusedBeforeAnythingIsSent() {
    // A disputes-spec code that Shipment Tracking does not list.
    assertThat(Carriers.isCode("ARG_CORREO")).isTrue();
    assertThatThrownBy(
            () ->
                new NewTracker(
                    "8MC585209K746392H",
                    "1",
                    TrackingStatus.SHIPPED,
                    "ARG_CORREO",
                    null,
                    null,
                    null))
        .hasMessageContaining("not a Shipment Tracking carrier code");
    assertThatThrownBy(
            () ->
                new NewTracker(
                    "8MC585209K746392H", "1", TrackingStatus.SHIPPED, "OTHER", null, null, null))
        .hasMessageContaining("carrierNameOther");
  }
}
