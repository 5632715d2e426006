/**
 * A month played in seconds: a scenario ({@code month.yml}) says when loads stop, checks fail,
 * sources go down and metrics degrade; the store module plays it against a spec with an injected
 * clock, through the real incident manager and SLO passes, so the reports of that month can be read
 * as a user would read a real one.
 */
package dev.nines.simulate;
