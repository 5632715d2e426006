package dev.nines.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nines.observation.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckOutcomesTest {
  private static final List<Status> DAY =
      List.of(Status.PASS, Status.PASS, Status.WARN, Status.FAIL, Status.ERROR);

  @Test
  void warn_is_good_by_default_and_bad_when_asked() {
    assertThat(CheckOutcomes.of(DAY, true)).isEqualTo(new Tally(3, 1, 1));
    assertThat(CheckOutcomes.of(DAY, false)).isEqualTo(new Tally(2, 2, 1));
  }

  @Test
  void an_error_is_no_data_and_counts_by_the_policy() {
    Tally tally = CheckOutcomes.of(DAY, true);

    assertThat(tally.counting(NoDataPolicy.BAD)).isEqualTo(new Tally(3, 2, 0));
    assertThat(tally.counting(NoDataPolicy.GOOD)).isEqualTo(new Tally(4, 1, 0));
    assertThat(tally.counting(NoDataPolicy.IGNORE)).isEqualTo(new Tally(3, 1, 0));
  }
}
