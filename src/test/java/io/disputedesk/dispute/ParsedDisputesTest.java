package io.disputedesk.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.paypal.Dispute;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedDisputesTest {
  @Test
  void sameJsonIsParsedOnceAndChangedJsonAgain() {
    ParsedDisputes parsed = new ParsedDisputes(10);
    AtomicInteger parses = new AtomicInteger();
    Dispute one = Fixtures.dispute(Fixtures.WAITING_SELLER);
    Dispute two = Fixtures.dispute(Fixtures.RESOLVED_BUYER);

    Dispute a =
        parsed.get(
            "PP-D-4012",
            "{\"v\":1}",
            json -> {
              parses.incrementAndGet();
              return one;
            });
    Dispute b =
        parsed.get(
            "PP-D-4012",
            new String("{\"v\":1}"),
            json -> {
              parses.incrementAndGet();
              return two;
            });
    Dispute c =
        parsed.get(
            "PP-D-4012",
            "{\"v\":2}",
            json -> {
              parses.incrementAndGet();
              return two;
            });

    assertThat(a).isSameAs(one);
    assertThat(b).isSameAs(one);
    assertThat(c).isSameAs(two);
    assertThat(parses).hasValue(2);
  }

  @Test
  void keepsAtMostItsCapacityDroppingTheLeastRecentlyRead() {
    ParsedDisputes parsed = new ParsedDisputes(2);
    AtomicInteger parses = new AtomicInteger();
    Dispute d = Fixtures.dispute(Fixtures.WAITING_SELLER);
    for (String id : new String[] {"A", "B", "A", "C", "A", "B"}) {
      parsed.get(
          id,
          "{}",
          json -> {
            parses.incrementAndGet();
            return d;
          });
    }

    assertThat(parsed.size()).isEqualTo(2);
    // A, B parsed; A again from memory; C drops B; A from memory; B parsed again.
    assertThat(parses).hasValue(4);
  }
}
