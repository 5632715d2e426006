package dev.nines.run;

import dev.nines.observation.Observation;
import java.util.List;

/** Hears of progress during a run, so a long run can show it. Called from runner threads. */
public interface RunListener {
  default void datasetStarted(String dataset, int index, int total) {}

  default void datasetFinished(String dataset, List<Observation> observations) {}

  RunListener NONE = new RunListener() {};
}
