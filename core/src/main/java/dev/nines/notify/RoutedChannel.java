package dev.nines.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * One channel an incident's notifications go to, with the timing of the route that chose it.
 *
 * @param channel the channel's name
 * @param groupWait how long the first notification waits for more changes
 * @param groupInterval how long later changes are batched
 * @param repeatInterval how often a still-open incident is sent again
 * @param businessHours the hours notifications wait for; null to send at any hour
 * @param digest when set, notifications are collected into one message at that time
 */
public record RoutedChannel(
    String channel,
    Duration groupWait,
    Duration groupInterval,
    Duration repeatInterval,
    BusinessHours businessHours,
    DigestSchedule digest) {
  public RoutedChannel {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(groupWait, "groupWait");
    Objects.requireNonNull(groupInterval, "groupInterval");
    Objects.requireNonNull(repeatInterval, "repeatInterval");
  }
}
