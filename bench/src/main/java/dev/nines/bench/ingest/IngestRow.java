package dev.nines.bench.ingest;

/**
 * One line of the report: Nines over HTTP next to the JDBC baseline on the same database.
 *
 * @param db h2 or postgres
 * @param scenario e.g. {@code single event per POST}
 * @param clients concurrent clients (and baseline threads)
 * @param nines what the server achieved
 * @param baseline what plain JDBC achieved with the same grouping of events per commit
 * @param targetEventsPerSecond the throughput target
 * @param targetP99Millis the p99 target, NaN when there is none
 */
public record IngestRow(
    String db,
    String scenario,
    int clients,
    LoadResult nines,
    LoadResult baseline,
    double targetEventsPerSecond,
    double targetP99Millis) {
  public static final String HEADER =
      "| store | scenario | clients | events | Nines events/s | p50 ms | p99 ms | JDBC baseline"
          + " events/s | baseline p99 ms | ratio | target |\n"
          + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|";

  public double ratio() {
    return nines.eventsPerSecond() / baseline.eventsPerSecond();
  }

  public boolean targetMet() {
    boolean throughput = nines.eventsPerSecond() >= targetEventsPerSecond;
    boolean latency =
        Double.isNaN(targetP99Millis) || nines.percentileMillis(0.99) < targetP99Millis;
    return throughput && latency;
  }

  public String markdown() {
    String target =
        String.format("%,.0f/s", targetEventsPerSecond)
            + (Double.isNaN(targetP99Millis)
                ? ""
                : String.format(", p99 < %.0f ms", targetP99Millis))
            + (targetMet() ? ": met" : ": not met");
    return String.format(
        "| %s | %s | %d | %,d | %,.0f | %.1f | %.1f | %,.0f | %.1f | %.2f | %s |",
        db,
        scenario,
        clients,
        nines.events(),
        nines.eventsPerSecond(),
        nines.percentileMillis(0.50),
        nines.percentileMillis(0.99),
        baseline.eventsPerSecond(),
        baseline.percentileMillis(0.99),
        ratio(),
        target);
  }
}
