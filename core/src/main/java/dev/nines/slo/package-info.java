/**
 * Service level math for data: SLIs, SLOs, error budgets, burn rates and burn-rate alerting. Pure
 * java.time code; "now" always comes from an injected {@link java.time.Clock}.
 *
 * <h2>Model</h2>
 *
 * <ul>
 *   <li>An SLO's promise is a {@link dev.nines.slo.SloTarget}: an {@link dev.nines.slo.Objective}
 *       (a decimal, so 99.9% over 30 days allows exactly 43.2 minutes), a {@link
 *       dev.nines.slo.SloWindow} ({@link dev.nines.slo.RollingWindow} of any length, or a
 *       DST-correct {@link dev.nines.slo.CalendarWindow}: week, month, quarter in a zone), a {@link
 *       dev.nines.slo.BudgetingMethod} and a {@link dev.nines.slo.NoDataPolicy}.
 *   <li>What is measured comes from a {@link dev.nines.slo.SliSeries} as a {@link
 *       dev.nines.slo.Tally} of good, bad and no-data units: events for occurrences, slices for
 *       time slices, milliseconds for freshness measured as exact time ({@link
 *       dev.nines.slo.FreshnessTimeline}).
 *   <li>{@link dev.nines.slo.SloEvaluator} gives a {@link dev.nines.slo.SloStatus}: SLI, {@link
 *       dev.nines.slo.ErrorBudget} (time slices: (1 − objective) × the whole window's time;
 *       occurrences: (1 − objective) × the valid events so far), burn rates over 5m to 3d, the time
 *       to exhaustion at the last hour's burn, and {@link dev.nines.slo.BurnAlerting}'s page /
 *       ticket / none decision.
 * </ul>
 *
 * <h2>No data</h2>
 *
 * A time slice without any data counts as the SLO's {@code no_data} says: {@code bad} (default: no
 * data is not good data), {@code good}, or {@code ignore} (the SLI is taken over the time with
 * data). For occurrences, an event that could not be judged (a check ERROR: the check did not run)
 * is no data and counts the same way; a span without any event has nothing valid: no SLI value, no
 * burn. For freshness measured as time, the stretches no sample can vouch for are no data.
 *
 * <h2>Incremental aggregates</h2>
 *
 * {@link dev.nines.slo.SliBuckets} keeps each SLO's counts in two rings of fixed size: minute
 * buckets for the last few hours (the 5m to 6h lookbacks) and hour buckets for the window plus the
 * longest lookback. A new observation adds to one minute and one hour bucket (O(1)); a window sum
 * reads at most 2 × 59 minute buckets and one bucket per whole hour (720 for 30 days), whatever the
 * number of observations behind them. Each slot carries the number of the minute or hour it holds,
 * so stale slots are recognised without a sweep, and the arrays are plain longs that a store-backed
 * evaluator can persist and reload as they are. Memory per SLO: (minutes + hours) × 3 longs, e.g.
 * (360 + 793) × 24 bytes ≈ 27 KB for a 30-day SLO with 6 hours of minutes.
 */
package dev.nines.slo;
