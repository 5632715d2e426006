package dev.nines.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void median_of_an_odd_count_is_the_middle_timing() {
    Samples samples =
        new Samples(
            List.of(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(200)));
    assertThat(samples.median()).isEqualTo(Duration.ofMillis(200));
    assertThat(samples.allSeconds()).isEqualTo("0.30, 0.10, 0.20");
  }

  @Test
  void median_of_an_even_count_is_the_mean_of_the_middle_two() {
    Samples samples = new Samples(List.of(Duration.ofMillis(100), Duration.ofMillis(200)));
    assertThat(samples.median()).isEqualTo(Duration.ofMillis(150));
  }
}
