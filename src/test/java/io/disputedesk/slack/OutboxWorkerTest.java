package io.disputedesk.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxWorkerTest {
  @Test
  void eachReplicaClaimsUnderItsOwnIdAndTheOnlySenderUnderAFixedOne() {
    OutboxWorker a = OutboxWorker.replica();
    OutboxWorker b = OutboxWorker.replica();

    assertThat(a.id()).startsWith("outbox-").isNotEqualTo(b.id());
    assertThat(a.onlySender()).isFalse();
    assertThat(OutboxWorker.single()).isEqualTo(new OutboxWorker(OutboxSender.WORKER, true));
  }
}
