/**
 * Running checks: {@link dev.nines.run.CheckRunner} runs or explains the datasets of a spec and
 * returns a {@link dev.nines.run.RunResult}; {@link dev.nines.run.History} gives it earlier
 * measurements.
 */
package dev.nines.run;
