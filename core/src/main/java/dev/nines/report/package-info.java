/**
 * Data downtime accounting and service level reports: downtime intervals and DDT per dataset,
 * pipeline, consumer and agreement over a period ({@link dev.nines.report.DowntimeAccounting}), the
 * uptime and the nines it corresponds to ({@link dev.nines.report.Uptime}), and the SLA report of
 * one consumer ({@link dev.nines.report.SlaReport}) rendered as Markdown, HTML or JSON.
 */
package dev.nines.report;
