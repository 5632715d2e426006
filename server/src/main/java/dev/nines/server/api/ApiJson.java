package dev.nines.server.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.nines.observation.Bounds;

/** The JSON the API answers with: instants as ISO-8601 text, durations as ISO-8601 too. */
public final class ApiJson {
  private ApiJson() {}

  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .addMixIn(Bounds.class, BoundsFields.class)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
  }

  /** A range is its two ends; {@code isEmpty()} is not a field. */
  @JsonIgnoreProperties("empty")
  private abstract static class BoundsFields {}
}
