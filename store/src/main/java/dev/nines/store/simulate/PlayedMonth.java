package dev.nines.store.simulate;

import dev.nines.simulate.Scenario;
import java.time.Duration;
import java.util.List;

/**
 * What playing a month wrote.
 *
 * @param scenario the month played
 * @param passes how many times the SLO pass and the incident manager ran
 * @param observations check observations written
 * @param measurements metric measurements written
 * @param burns every change of an SLO's burn-rate alert level, in time order
 * @param took how long the playing took on the wall clock
 */
public record PlayedMonth(
    Scenario scenario,
    int passes,
    long observations,
    long measurements,
    List<BurnChange> burns,
    Duration took) {
  public PlayedMonth {
    burns = List.copyOf(burns);
  }
}
