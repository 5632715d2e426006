package dev.nines.spec;

import dev.nines.incident.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A stakeholder who uses data, and the agreements made with them.
 *
 * @param name the key under {@code consumers:}
 * @param about who they are and what they use the data for; may be null
 * @param owner the team or person speaking for them; may be null
 * @param agreements what was promised to them
 * @param breach the urgency they agreed to: the severity of incidents touching their agreements
 * @param channels names of channels (its {@code notify:} key) that hear about incidents touching
 *     them
 * @param location where it was declared
 */
public record ConsumerSpec(
    String name,
    String about,
    String owner,
    List<AgreementSpec> agreements,
    Severity breach,
    List<String> channels,
    SpecLocation location) {
  /** The urgency of a consumer that did not say. */
  public static final Severity DEFAULT_BREACH = Severity.SEV2;

  public ConsumerSpec {
    Objects.requireNonNull(name, "name");
    agreements = agreements == null ? List.of() : List.copyOf(agreements);
    breach = breach == null ? DEFAULT_BREACH : breach;
    channels = channels == null ? List.of() : List.copyOf(channels);
    location = location == null ? SpecLocation.UNKNOWN : location;
  }
}
