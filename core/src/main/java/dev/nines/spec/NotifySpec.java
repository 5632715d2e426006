package dev.nines.spec;

import dev.nines.notify.BusinessHours;
import dev.nines.notify.ChannelConfig;
import dev.nines.notify.DeliverySettings;
import dev.nines.notify.MaintenanceWindow;
import dev.nines.notify.Route;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spec's {@code notify:} section: where notifications go, when, and how hard to try.
 *
 * @param link the base url of incident links, e.g. {@code https://nines.example.com}
 * @param channels the channels by name, in written order
 * @param routes the routes, in written order
 * @param businessHours the working hours SEV2 and SEV3 notifications wait for
 * @param maintenance recurring windows when some subjects' alerts are recorded, not sent
 * @param delivery retry and give-up settings of the outbox
 */
public record NotifySpec(
    String link,
    Map<String, ChannelConfig> channels,
    List<Route> routes,
    BusinessHours businessHours,
    List<MaintenanceWindow> maintenance,
    DeliverySettings delivery) {
  public static final String DEFAULT_LINK = "http://localhost:8080";

  /** No channels: nothing is sent. */
  public static final NotifySpec NONE =
      new NotifySpec(null, Map.of(), List.of(), null, List.of(), null);

  public NotifySpec {
    link = link == null || link.isBlank() ? DEFAULT_LINK : stripSlash(link.strip());
    channels = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(channels)));
    routes = List.copyOf(routes);
    businessHours = businessHours == null ? BusinessHours.DEFAULT : businessHours;
    maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
    delivery = delivery == null ? DeliverySettings.DEFAULT : delivery;
  }

  /** Where a person sees incident {@code id}. */
  public String incidentLink(long id) {
    return link + "/api/v1/incidents/" + id;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Printable form without channel options: they hold webhook urls and keys. */
  @Override
  public String toString() {
    return "NotifySpec[link="
        + link
        + ", channels="
        + channels.keySet()
        + ", routes="
        + routes.size()
        + "]";
  }
}
