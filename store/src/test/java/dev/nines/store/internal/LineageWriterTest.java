package dev.nines.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineageWriterTest {
  @Test
  void in_lists_are_padded_to_the_next_power_of_two_with_their_first_element() {
    assertThat(LineageWriter.padded(List.of("a"))).containsExactly("a");
    assertThat(LineageWriter.padded(List.of("a", "b"))).containsExactly("a", "b");
    assertThat(LineageWriter.padded(List.of("a", "b", "c"))).containsExactly("a", "b", "c", "a");
    assertThat(LineageWriter.padded(List.of(1, 2, 3, 4, 5))).hasSize(8).startsWith(1, 2, 3, 4, 5);
    assertThat(LineageWriter.padded(List.of(1, 2, 3, 4, 5, 6, 7, 8))).hasSize(8);
    assertThat(LineageWriter.padded(List.of())).isEmpty();
  }
}
