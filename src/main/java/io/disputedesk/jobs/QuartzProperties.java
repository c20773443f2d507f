package io.disputedesk.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/** The Quartz settings for one process (in memory) or a cluster of replicas (a JDBC job store). */
final class QuartzProperties {
  /**
   * A fire later than this counts as missed (and is then handled by the trigger's misfire rule).
   */
  private static final String MISFIRE_THRESHOLD_MILLIS = "60000";

  private QuartzProperties() {}

  static Properties inMemory(String instanceName, int threads) {
    Properties p = common(instanceName, threads);
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    return p;
  }

  /**
   * Quartz's clustered JDBC job store on PostgreSQL: every replica uses the same instance name and
   * a unique instance id; the tables are Quartz's standard ones (created by our migration).
   */
  static Properties clustered(
      String instanceName, String dataSourceName, int threads, Duration checkinInterval) {
    Properties p = common(instanceName, threads);
    p.setProperty("org.quartz.scheduler.instanceId", instanceId());
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty(
        "org.quartz.jobStore.driverDelegateClass",
        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty(
        "org.quartz.jobStore.clusterCheckinInterval", String.valueOf(checkinInterval.toMillis()));
    // An idle replica looks for due triggers this often (Quartz's default is 30 s), so a trigger
    // another replica gave back or left behind is picked up soon.
    p.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
    // Replicas acquire triggers under the row lock, so two never take the same fire.
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    return p;
  }

  private static Properties common(String instanceName, int threads) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", instanceName);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", MISFIRE_THRESHOLD_MILLIS);
    return p;
  }

  /**
   * Host name plus a random part: unique even for two replicas in one process or started together.
   */
  private static String instanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "replica";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
