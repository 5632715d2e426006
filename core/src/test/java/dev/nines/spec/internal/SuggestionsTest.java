package dev.nines.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("source", "table", "query", "file", "every");

  @Test
  void a_swapped_pair_of_letters_counts_as_one_edit() {
    assertThat(Suggestions.distance("tabel", "table")).isEqualTo(1);
    assertThat(Suggestions.closest("tabel", KEYS)).contains("table");
  }

  @Test
  void a_missing_or_extra_letter_is_suggested_ignoring_case() {
    assertThat(Suggestions.closest("Sorce", KEYS)).contains("source");
    assertThat(Suggestions.closest("queryy", KEYS)).contains("query");
  }

  @Test
  void a_word_far_from_every_known_one_gets_no_suggestion() {
    assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
    assertThat(Suggestions.closest("x", List.of("every"))).isEmpty();
    assertThat(Suggestions.didYouMean("colour", KEYS)).isEmpty();
  }
}
