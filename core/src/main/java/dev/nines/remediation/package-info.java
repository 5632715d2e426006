/**
 * Remediation: which actions an incident is offered (a pipeline's Airflow re-run or webhook, a
 * runbook, an agreement's remedy), in words for notifications, and which run automatically.
 */
package dev.nines.remediation;
