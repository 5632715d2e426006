package dev.nines.observation;

/**
 * The verdict of one check. ERROR means the check could not run: a system failure, never a data
 * one.
 */
public enum Status {
  PASS,
  WARN,
  FAIL,
  ERROR
}
