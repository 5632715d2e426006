/**
 * Plays a simulated month ({@link dev.nines.simulate.Scenario}) into a store with an injected
 * clock, through the same incident manager and SLO pass the server runs.
 */
package dev.nines.store.simulate;
