package dev.nines.notify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code notify: routes:}: which incidents go to which channels, and when.
 *
 * @param match which incidents it takes
 * @param channels the channels they go to
 * @param groupWait how long the first notification of an incident waits for more changes
 * @param groupInterval how long later changes are batched
 * @param repeatInterval how often a still-open incident is sent again
 * @param businessHours null for the default (wait for working hours at SEV2 and SEV3, never at
 *     SEV1), {@link Hours#NEVER} to send at any hour, or the hours to wait for
 * @param digest when set, alerts are collected and sent in one message at that time
 * @param continueMatching whether later routes are also tried after this one matched
 */
public record Route(
    RouteMatch match,
    List<String> channels,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    Hours businessHours,
    DigestSchedule digest,
    boolean continueMatching) {
  public static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_GROUP_INTERVAL = Duration.ofMinutes(5);
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  public Route {
    match = match == null ? RouteMatch.ANY : match;
    channels = List.copyOf(channels);
    groupWait = groupWait == null ? DEFAULT_GROUP_WAIT : groupWait;
    groupInterval = groupInterval == null ? DEFAULT_GROUP_INTERVAL : groupInterval;
    repeatInterval = repeatInterval == null ? DEFAULT_REPEAT_INTERVAL : repeatInterval;
    if (groupWait.isNegative() || groupInterval.isNegative() || repeatInterval.isNegative()) {
      throw new IllegalArgumentException("route intervals must not be negative");
    }
  }

  /** A route with default timing to the given channels. */
  public static Route to(RouteMatch match, List<String> channels) {
    return new Route(match, channels, null, null, null, null, null, true);
  }

  /**
   * A route's {@code business_hours:} setting: {@code false}, or its own working hours (true means
   * the notify section's).
   *
   * @param hours the hours to wait for; null when the route sends at any hour
   */
  public record Hours(BusinessHours hours) {
    /** Send at any hour, whatever the severity. */
    public static final Hours NEVER = new Hours(null);

    /** Wait for these hours, whatever the severity. */
    public static Hours of(BusinessHours hours) {
      return new Hours(Objects.requireNonNull(hours, "hours"));
    }
  }
}
