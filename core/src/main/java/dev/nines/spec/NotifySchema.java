package dev.nines.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON Schema of the {@code notify:} section, part of {@link SpecSchema}. */
final class NotifySchema {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private NotifySchema() {}

  static ObjectNode section() {
    ObjectNode notify = object("Where incident notifications go, when, and how hard to try.");
    ObjectNode properties = notify.putObject("properties");
    properties.set("link", text("Base url of incident links (http://localhost:8080)."));
    ObjectNode channels = object("Channels by name, each with one type and its options.");
    channels.set("propertyNames", ref("name"));
    ObjectNode channel = object("One channel type, e.g. slack: { webhook: ${SLACK_URL} }.");
    channel.put("minProperties", 1).put("maxProperties", 1);
    channel.set("additionalProperties", object("The type's options."));
    channels.set("additionalProperties", channel);
    properties.set("channels", channels);
    properties.set("routes", list("Routes, in order; every match delivers.", route()));
    properties.set("business_hours", businessHours());
    properties.set(
        "maintenance",
        list("Recurring windows when some subjects' alerts are recorded, not sent.", window()));
    ObjectNode delivery = object("Outbox retries.");
    ObjectNode deliveryProperties = delivery.putObject("properties");
    deliveryProperties.set("give_up_after", ref("duration"));
    deliveryProperties.set("max_backoff", ref("duration"));
    delivery.put("additionalProperties", false);
    properties.set("delivery", delivery);
    notify.put("additionalProperties", false);
    return notify;
  }

  private static ObjectNode route() {
    ObjectNode route = object("Which incidents go to which channels, and when.");
    ObjectNode properties = route.putObject("properties");
    ObjectNode match = object("Each key set must match; lists match any of their values.");
    ObjectNode matchProperties = match.putObject("properties");
    for (String key : new String[] {"owner", "consumer", "tags", "dataset", "pipeline"}) {
      matchProperties.set(key, oneOrMany(NODES.objectNode().put("type", "string")));
    }
    ObjectNode severity = NODES.objectNode();
    severity.putArray("enum").add("SEV1").add("SEV2").add("SEV3").add("INFO");
    matchProperties.set("severity", oneOrMany(severity));
    ObjectNode kind = NODES.objectNode();
    kind.putArray("enum").add("SYSTEM").add("DATA");
    matchProperties.set("kind", oneOrMany(kind));
    match.put("additionalProperties", false);
    properties.set("match", match);
    properties.set("channels", list("Channel names.", ref("name")));
    properties.set("group_wait", waitTime());
    properties.set("group_interval", waitTime());
    properties.set("repeat_interval", waitTime());
    ArrayNode hoursChoices = NODES.objectNode().putArray("anyOf");
    hoursChoices.add(NODES.objectNode().put("type", "boolean"));
    hoursChoices.add(businessHours());
    ObjectNode hours = NODES.objectNode();
    hours.set("anyOf", hoursChoices);
    properties.set("business_hours", hours);
    properties.set("digest", text("daily HH:MM: one message a day."));
    properties.set("continue", NODES.objectNode().put("type", "boolean"));
    route.putArray("required").add("channels");
    route.put("additionalProperties", false);
    return route;
  }

  private static ObjectNode businessHours() {
    ObjectNode hours = object("Working hours: SEV2 and SEV3 notifications wait for them.");
    ObjectNode properties = hours.putObject("properties");
    properties.set("zone", text("Time zone, e.g. America/Denver (UTC)."));
    properties.set("days", oneOrMany(text("Days such as MON-FRI or MON,WED,FRI (MON-FRI).")));
    properties.set("hours", text("Span such as 09:00-17:00 (09:00-17:00)."));
    hours.put("additionalProperties", false);
    return hours;
  }

  private static ObjectNode window() {
    ObjectNode window = object("A maintenance window.");
    ObjectNode properties = window.putObject("properties");
    for (String key : new String[] {"datasets", "pipelines", "sources"}) {
      properties.set(key, list("Names.", ref("name")));
    }
    properties.set("cron", text("When each window starts, in the business hours' zone."));
    properties.set("duration", ref("duration"));
    properties.set("reason", text("Why."));
    window.putArray("required").add("cron").add("duration");
    window.put("additionalProperties", false);
    return window;
  }

  private static ObjectNode waitTime() {
    ObjectNode wait = NODES.objectNode();
    ArrayNode choices = wait.putArray("anyOf");
    choices.add(ref("duration"));
    choices.add(NODES.objectNode().put("const", "0"));
    choices.add(NODES.objectNode().put("const", 0));
    return wait;
  }

  private static ObjectNode oneOrMany(ObjectNode item) {
    ObjectNode either = NODES.objectNode();
    ArrayNode choices = either.putArray("anyOf");
    choices.add(item);
    ObjectNode many = NODES.objectNode().put("type", "array");
    many.set("items", item);
    choices.add(many);
    return either;
  }

  private static ObjectNode list(String description, ObjectNode item) {
    ObjectNode list = NODES.objectNode().put("type", "array").put("description", description);
    list.set("items", item);
    return list;
  }

  private static ObjectNode object(String description) {
    return NODES.objectNode().put("type", "object").put("description", description);
  }

  private static ObjectNode text(String description) {
    return NODES.objectNode().put("type", "string").put("description", description);
  }

  private static ObjectNode ref(String definition) {
    return NODES.objectNode().put("$ref", "#/$defs/" + definition);
  }
}
