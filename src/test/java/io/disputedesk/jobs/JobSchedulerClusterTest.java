package io.disputedesk.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.disputedesk.store.Database;
import io.disputedesk.store.OnPostgres;
import io.disputedesk.store.TestDatabase;
import io.disputedesk.store.TestDatabases;
import io.disputedesk.testing.Await;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Two replicas' schedulers on one PostgreSQL database, as Quartz's cluster runs them. */
@OnPostgres
class JobSchedulerClusterTest {
  private static final Duration EVERY_SECOND = Duration.ofSeconds(1);

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private Database replicaA;
  private Database replicaB;

  @BeforeEach
  void open(TestDatabase database) {
    replicaA = database.open(Clock.systemUTC());
    replicaB = database.open(Clock.systemUTC());
    replicaA.inTransaction(
        c ->
            c.createStatement()
                .executeUpdate(
                    "CREATE TABLE fires (scheduled_at BIGINT NOT NULL, instance TEXT NOT NULL)"));
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    replicaA.close();
    replicaB.close();
  }

  /** Records each fire: its scheduled time and the replica it ran on. */
  @DisallowConcurrentExecution
  static final class Tick implements Job {
    private final Database db;
    private final String instance;
    private final CountDownLatch hold;

    Tick(Database db, String instance, CountDownLatch hold) {
      this.db = db;
      this.instance = instance;
      this.hold = hold;
    }

    @Override
    public void execute(JobExecutionContext context) {
      db.inTransaction(
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO fires (scheduled_at, instance) VALUES (?, ?)")) {
              ps.setLong(1, context.getScheduledFireTime().getTime());
              ps.setString(2, instance);
              return ps.executeUpdate();
            }
          });
      try {
        // A hung job: the replica stays "mid-job" until the test lets go.
        hold.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private JobScheduler replica(Database db, String instance, CountDownLatch hold) {
    JobScheduler scheduler = JobScheduler.clustered("dispute-desk", db.dataSource(), 2);
    scheduler.every(
        "tick", Tick.class, () -> new Tick(db, instance, hold), EVERY_SECOND, Duration.ZERO);
    scheduler.start();
    return scheduler;
  }

  @Test
  void eachFireRunsOnExactlyOneReplicaAndTheSurvivorKeepsFiringWhenOneStops() throws Exception {
    CountDownLatch released = new CountDownLatch(0);
    JobScheduler a = replica(replicaA, "A", released);
    JobScheduler b = replica(replicaB, "B", released);
    toClose.add(b);

    Await.until("five fires", () -> fires() >= 5, Duration.ofSeconds(20));
    a.close();
    long afterStop = fires();
    Await.until(
        "three more fires after A stopped", () -> fires() >= afterStop + 3, Duration.ofSeconds(20));
    b.close();

    assertThat(duplicateFires()).as("fires that ran on both replicas").isZero();
    assertThat(firesOf("B")).as("the survivor kept firing").isGreaterThanOrEqualTo(3);
  }

  @Test
  void aReplicaThatDiesMidJobHasTheJobTakenOverByTheOther() throws Exception {
    CountDownLatch hung = new CountDownLatch(1);
    JobScheduler a = replica(replicaA, "A", hung);
    Await.until("job A fired once", () -> firesOf("A") == 1, Duration.ofSeconds(20));
    JobScheduler b = replica(replicaB, "B", new CountDownLatch(0));
    toClose.add(b);

    // A stops checking in with its job still running, as a killed process would.
    a.stopNow();

    // Quartz declares A dead about 7.5 s after its last check-in and lets B run the job.
    Await.until("job B fired", () -> firesOf("B") >= 1, Duration.ofSeconds(30));
    hung.countDown();
    assertThat(firesOf("A")).isEqualTo(1);
    assertThat(duplicateFires()).isZero();
  }

  private long fires() {
    return TestDatabases.count(replicaA, "SELECT COUNT(*) FROM fires");
  }

  private long firesOf(String instance) {
    return TestDatabases.count(
        replicaA, "SELECT COUNT(*) FROM fires WHERE instance = '" + instance + "'");
  }

  private long duplicateFires() {
    return replicaA.read(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT COUNT(*) FROM (SELECT scheduled_at FROM fires GROUP BY scheduled_at HAVING COUNT(*) > 1) d");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
