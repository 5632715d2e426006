/**
 * Notifications: alerts about incidents rendered into each vendor's message format (Slack,
 * PagerDuty, Opsgenie, Teams, webhooks, email, Alertmanager), and the rules of who gets what when.
 */
package dev.nines.notify;
