package dev.nines.slo;

import java.time.Instant;

/** The span of time an SLO is judged over: rolling (the last 28 days) or a calendar period. */
public sealed interface SloWindow permits RollingWindow, CalendarWindow {

  /**
   * The whole window that {@code now} belongs to: for a rolling window the span ending at now, for
   * a calendar window the period containing now (which may end after now).
   */
  Interval at(Instant now);

  /** How the window is written in the spec, e.g. {@code 28d} or {@code month in Europe/Paris}. */
  String describe();
}
