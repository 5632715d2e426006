/** Helpers shared by check types: option parsing, tolerances, bounds, SQL fragments, texts. */
package dev.nines.check.internal;
