/**
 * Check types, one per file and registered in {@link dev.nines.check.CheckTypes}: each validates
 * its options and plans its SQL as aggregates for the dataset's shared scan and/or queries of its
 * own, then turns the values into an {@link dev.nines.check.Outcome}.
 */
package dev.nines.check;
