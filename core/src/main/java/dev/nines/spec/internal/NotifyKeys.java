package dev.nines.spec.internal;

import java.util.List;

/** The keys of the {@code notify:} section, shared by its reader and the JSON Schema. */
public final class NotifyKeys {
  public static final List<String> NOTIFY =
      List.of("link", "channels", "routes", "business_hours", "maintenance", "delivery");
  public static final List<String> ROUTE =
      List.of(
          "match",
          "channels",
          "group_wait",
          "group_interval",
          "repeat_interval",
          "business_hours",
          "digest",
          "continue");
  public static final List<String> MATCH =
      List.of("severity", "owner", "consumer", "tags", "kind", "dataset", "pipeline");
  public static final List<String> BUSINESS_HOURS = List.of("zone", "days", "hours");
  public static final List<String> MAINTENANCE =
      List.of("datasets", "pipelines", "sources", "cron", "duration", "reason");
  public static final List<String> DELIVERY = List.of("give_up_after", "max_backoff");

  private NotifyKeys() {}
}
