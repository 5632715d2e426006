package dev.nines.check.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeFamiliesTest {
  @Test
  void names_of_one_kind_of_value_share_a_family_whatever_their_vocabulary_and_sizes() {
    assertThat(TypeFamilies.of("string")).isEqualTo("text");
    assertThat(TypeFamilies.of("CHARACTER VARYING(40)")).isEqualTo("text");
    assertThat(TypeFamilies.of("int8")).isEqualTo("integer");
    assertThat(TypeFamilies.of("long")).isEqualTo("integer");
    assertThat(TypeFamilies.of("INT UNSIGNED")).isEqualTo("integer");
    assertThat(TypeFamilies.of("decimal(12,2)")).isEqualTo("decimal");
    assertThat(TypeFamilies.of("double precision")).isEqualTo("float");
    assertThat(TypeFamilies.of("timestamp(6) without time zone")).isEqualTo("timestamp");
    assertThat(TypeFamilies.of("timestamptz")).isEqualTo("timestamp_tz");
    assertThat(TypeFamilies.of("array<string>")).isEqualTo("array");
    assertThat(TypeFamilies.of("_int4")).isEqualTo("array");
  }

  @Test
  void an_unknown_name_is_its_own_family_in_lower_case_without_sizes() {
    assertThat(TypeFamilies.of("GEOMETRY(Point, 4326)")).isEqualTo("geometry");
    assertThat(TypeFamilies.of("interval")).isNotEqualTo(TypeFamilies.of("integer"));
  }
}
