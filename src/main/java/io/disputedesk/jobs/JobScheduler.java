package io.disputedesk.jobs;

import io.disputedesk.concurrent.Workload;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.quartz.utils.DBConnectionManager;

/**
 * The app's Quartz scheduler. Jobs are built by the application with their dependencies and handed
 * to Quartz through a {@link JobFactory}, so a job's {@code execute} stays a few lines.
 */
public final class JobScheduler implements AutoCloseable {
  private final Scheduler scheduler;
  private final Map<Class<? extends Job>, Supplier<? extends Job>> factories =
      new ConcurrentHashMap<>();

  /** How long {@link #close()} waits for running jobs. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

  private static final long CLOSE_POLL_MILLIS = 20;

  /**
   * How often a clustered replica reports itself alive; a silent one is taken over about 7.5 s
   * later.
   */
  static final Duration CLUSTER_CHECKIN_INTERVAL = Duration.ofSeconds(2);

  /** A scheduler with an in-memory job store (one process). */
  public static JobScheduler inMemory(String instanceName, int threads) {
    return new JobScheduler(QuartzProperties.inMemory(instanceName, threads));
  }

  /**
   * A scheduler in a cluster of replicas sharing one PostgreSQL database (Quartz's JDBC job store
   * on its standard tables): each fire runs on one replica, and the jobs a dead replica was running
   * are taken over by another. Every replica passes the same {@code instanceName}.
   */
  public static JobScheduler clustered(String instanceName, DataSource dataSource, int threads) {
    // Quartz finds connection providers by name in a JVM-wide registry; a fresh name per
    // scheduler keeps two replicas in one process (tests) apart.
    String dataSourceName = "dispute-desk-" + UUID.randomUUID();
    DBConnectionManager.getInstance()
        .addConnectionProvider(dataSourceName, new PoolConnections(dataSource));
    return new JobScheduler(
        QuartzProperties.clustered(
            instanceName, dataSourceName, threads, CLUSTER_CHECKIN_INTERVAL));
  }

  /** A scheduler on the given Quartz properties. */
  public JobScheduler(Properties properties) {
    try {
      SchedulerRepository repository = SchedulerRepository.getInstance();
      synchronized (repository) {
        this.scheduler = new StdSchedulerFactory(properties).getScheduler();
        // Quartz shares schedulers by name through a JVM-wide repository; taking ours out lets
        // each JobScheduler own its own, as several replicas in one test process need.
        repository.remove(scheduler.getSchedulerName());
      }
      this.scheduler.setJobFactory(new Factory());
    } catch (SchedulerException e) {
      throw new JobsException("Quartz could not start: " + e.getMessage(), e);
    }
  }

  /** Runs {@code job} every {@code interval}, first after {@code initialDelay}. */
  public <J extends Job> void every(
      String name, Class<J> type, Supplier<J> job, Duration interval, Duration initialDelay) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name)
            .startAt(new java.util.Date(System.currentTimeMillis() + initialDelay.toMillis()))
            .withSchedule(
                SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(interval.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount())
            .build();
    schedule(name, type, job, trigger);
  }

  /** Runs {@code job} on a Quartz cron expression in a time zone (daylight saving aware). */
  public <J extends Job> void cron(
      String name, Class<J> type, Supplier<J> job, String cron, TimeZone zone) {
    Trigger trigger =
        TriggerBuilder.newTrigger()
            .withIdentity(name)
            .withSchedule(
                CronScheduleBuilder.cronSchedule(cron)
                    .inTimeZone(zone)
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    schedule(name, type, job, trigger);
  }

  /** Counts each job run in {@code work} while it runs (a job waiting for its time is not work). */
  public void countRunsIn(Workload work) {
    try {
      scheduler.getListenerManager().addJobListener(new Runs(work));
    } catch (SchedulerException e) {
      throw new JobsException("Could not watch the job runs: " + e.getMessage(), e);
    }
  }

  /** Fires a scheduled job now (in addition to its schedule). */
  public void triggerNow(String name) {
    try {
      scheduler.triggerJob(JobKey.jobKey(name));
    } catch (SchedulerException e) {
      throw new JobsException("Could not trigger job " + name + ": " + e.getMessage(), e);
    }
  }

  public void start() {
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new JobsException("Quartz could not start: " + e.getMessage(), e);
    }
  }

  /**
   * Stops firing triggers without waiting for running jobs, which finish or die with the process;
   * in a cluster, the jobs this replica was running are taken over by another replica once it stops
   * hearing from this one.
   */
  public void stopNow() {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      throw new JobsException("Quartz did not stop cleanly: " + e.getMessage(), e);
    }
  }

  /** Stops firing triggers and waits up to {@link #DEFAULT_GRACE} for running jobs to finish. */
  @Override
  public void close() {
    close(DEFAULT_GRACE);
  }

  /**
   * Stops firing triggers and waits up to {@code grace} for running jobs to finish; a job still
   * running then is left to finish or die with the process (in a cluster, another replica takes it
   * over), so a job stuck on PayPal or on an unreachable database cannot hold up shutdown.
   */
  public void close(Duration grace) {
    try {
      // Standby first hands back the trigger this replica has acquired for its next fire; a bare
      // shutdown would leave it held until the cluster declares this replica dead.
      scheduler.standby();
      long deadline = System.nanoTime() + grace.toNanos();
      while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(CLOSE_POLL_MILLIS);
      }
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      throw new JobsException("Quartz did not stop cleanly: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopNow();
    }
  }

  private <J extends Job> void schedule(
      String name, Class<J> type, Supplier<J> job, Trigger trigger) {
    factories.put(type, job);
    JobDetail detail = JobBuilder.newJob(type).withIdentity(name).storeDurably().build();
    try {
      // Replaces the job and trigger in one job-store transaction: replicas starting together
      // (each scheduling the same jobs) never collide, and the newest settings win.
      scheduler.scheduleJob(detail, Set.of(trigger), true);
    } catch (SchedulerException e) {
      throw new JobsException("Could not schedule job " + name + ": " + e.getMessage(), e);
    }
  }

  private record Runs(Workload work) implements JobListener {
    @Override
    public String getName() {
      return "dispute-desk-workload";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
      work.begin();
    }

    @Override
    public void jobExecutionVetoed(JobExecutionContext context) {}

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
      work.end();
    }
  }

  private final class Factory implements JobFactory {
    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler s) throws SchedulerException {
      Class<? extends Job> type = bundle.getJobDetail().getJobClass();
      Supplier<? extends Job> supplier = factories.get(type);
      if (supplier == null) {
        throw new SchedulerException("No factory registered for job " + type.getName());
      }
      return supplier.get();
    }
  }
}
