package io.disputedesk.reminders;

/**
 * What one reminder pass did: reminders queued, and cards refreshed because their deadline passed.
 */
public record ReminderRun(int reminded, int overdue) {}
