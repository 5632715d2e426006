package dev.nines.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.nines.NinesException;
import dev.nines.spec.StoreSpec;
import dev.nines.store.NinesStore;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * What the commands reading the store share (incidents, slo, report): the spec and store options,
 * opening and closing the store, JSON output.
 */
abstract class StoreCommand implements Callable<Integer> {
  final CliEnvironment environment;

  @Mixin CommonOptions common;

  @Mixin SpecOptions specOptions;

  @Mixin StoreOption storeOption;

  StoreCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  /** Opens the store (the spec's, or --store), runs {@code work} and closes it. */
  <T> T withStore(Function<NinesStore, T> work) {
    StoreSpec storeSpec =
        storeOption.url == null
            ? storeOption.resolve(specOptions.load(environment).store(), environment.env())
            : storeOption.resolve(null, environment.env());
    NinesStore store = StoreAccess.open(storeSpec);
    try {
      return work.apply(store);
    } finally {
      StoreProblems.closeQuietly(store);
    }
  }

  /** Who does what a person does: {@code --by}, else the login name. */
  String actor(String by) {
    if (by != null && !by.isBlank()) {
      return by.strip();
    }
    String user = environment.env().get("USER");
    return user == null || user.isBlank() ? "cli" : user;
  }

  void printJson(Object value) {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    try {
      environment.out().println(mapper.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static long parseId(String text) {
    String digits = text.startsWith("#") ? text.substring(1) : text;
    try {
      long id = Long.parseLong(digits);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new NinesException("'" + text + "' is not an incident id: write its number, e.g. 12");
  }
}
