package dev.nines.server;

import dev.nines.NinesException;
import dev.nines.check.CheckTypes;
import dev.nines.spec.InvalidSpecException;
import dev.nines.spec.Spec;
import dev.nines.spec.SpecLoader;
import dev.nines.spec.SpecProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The spec in force and the settings read from it. A reload validates the files first and keeps the
 * old spec when the new one is invalid.
 */
public final class LiveSpec {
  private final List<Path> paths;
  private final Map<String, String> environment;
  private final AtomicReference<Loaded> current;

  private record Loaded(Spec spec, ServerSettings settings) {}

  /**
   * Loads the spec a first time.
   *
   * @throws InvalidSpecException when it is invalid
   * @throws NinesException when the server section cannot be read
   */
  public LiveSpec(List<Path> paths, Map<String, String> environment) {
    this.paths = List.copyOf(paths);
    this.environment = Map.copyOf(environment);
    this.current = new AtomicReference<>(load());
  }

  public Spec spec() {
    return current.get().spec();
  }

  public ServerSettings settings() {
    return current.get().settings();
  }

  /**
   * Reads the files again and puts the new spec in force if valid.
   *
   * @return the problems when invalid (the old spec stays), else an empty list
   */
  public List<String> reload() {
    try {
      current.set(load());
      return List.of();
    } catch (InvalidSpecException e) {
      return e.problems().stream().map(SpecProblem::toString).toList();
    } catch (NinesException e) {
      return List.of(e.getMessage());
    }
  }

  private Loaded load() {
    Spec spec = SpecLoader.load(paths, environment, CheckTypes.builtIn());
    try {
      return new Loaded(spec, ServerSettings.from(spec, environment));
    } catch (IllegalArgumentException e) {
      throw new NinesException(e.getMessage());
    }
  }
}
