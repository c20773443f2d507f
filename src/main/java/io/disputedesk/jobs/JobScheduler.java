package io.disputedesk.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * The app's Quartz scheduler. Jobs are built by the application with their dependencies and
 * handed to Quartz through a {@link JobFactory}, so a job's {@code execute} stays a few lines.
 */
public final class JobScheduler implements AutoCloseable {
  private final Scheduler scheduler;
  private final Map<Class<? extends Job>, Supplier<? extends Job>> factories = new ConcurrentHashMap<>();

  /** A scheduler with an in-memory job store (one process). */
  public static JobScheduler inMemory(String instanceName, int threads) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", instanceName);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(threads));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    return new JobScheduler(p);
  }

  /** A scheduler on the given Quartz properties (e.g. a clustered JDBC job store). */
  public JobScheduler(Properties properties) {
    try {
      this.scheduler = new StdSchedulerFactory(properties).getScheduler();
      this.scheduler.setJobFactory(new Factory());
    } catch (SchedulerException e) {
      throw new JobsException("Quartz could not start: " + e.getMessage(), e);
    }
  }

  /** Runs {@code job} every {@code interval}, first after {@code initialDelay}. */
  public <J extends Job> void every(String name, Class<J> type, Supplier<J> job, Duration interval, Duration initialDelay) {
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(name)
        .startAt(new java.util.Date(System.currentTimeMillis() + initialDelay.toMillis()))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withIntervalInMilliseconds(interval.toMillis())
            .repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    schedule(name, type, job, trigger);
  }

  /** Runs {@code job} on a Quartz cron expression in a time zone (daylight saving aware). */
  public <J extends Job> void cron(String name, Class<J> type, Supplier<J> job, String cron, TimeZone zone) {
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(name)
        .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone)
            .withMisfireHandlingInstructionFireAndProceed())
        .build();
    schedule(name, type, job, trigger);
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

  /** Stops firing triggers and waits for running jobs to finish. */
  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      throw new JobsException("Quartz did not stop cleanly: " + e.getMessage(), e);
    }
  }

  private <J extends Job> void schedule(String name, Class<J> type, Supplier<J> job, Trigger trigger) {
    factories.put(type, job);
    JobDetail detail = JobBuilder.newJob(type).withIdentity(name).storeDurably().build();
    try {
      if (scheduler.checkExists(detail.getKey())) {
        scheduler.deleteJob(detail.getKey());
      }
      scheduler.scheduleJob(detail, trigger);
    } catch (SchedulerException e) {
      throw new JobsException("Could not schedule job " + name + ": " + e.getMessage(), e);
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
