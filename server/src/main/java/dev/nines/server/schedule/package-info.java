/**
 * Scheduled checks: {@link dev.nines.server.schedule.CheckScheduler} runs each dataset's checks on
 * its {@code every:} or {@code cron:} ticks through db-scheduler on the store's database, so that
 * replicas sharing a PostgreSQL store run each tick once. The {@code scheduled_check} table logs
 * every tick with the run it saved; a tick whose run was saved is never run again.
 */
package dev.nines.server.schedule;
