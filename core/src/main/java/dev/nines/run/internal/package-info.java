/**
 * How a run works inside: planning the checks of a dataset, grouping their aggregates into one scan
 * per filter, running it on one connection and turning the results into observations.
 */
package dev.nines.run.internal;
