package dev.nines.server;

import dev.nines.NinesException;
import dev.nines.server.api.ApiJson;
import dev.nines.server.api.ErrorMapper;
import dev.nines.server.api.InvalidSpecRequest;
import dev.nines.server.api.Route;
import dev.nines.server.api.ServiceUnavailable;
import dev.nines.server.dataset.DatasetController;
import dev.nines.server.health.HealthController;
import dev.nines.server.incident.IncidentController;
import dev.nines.server.incident.IncidentLoop;
import dev.nines.server.lineage.ApiKeyGuard;
import dev.nines.server.lineage.LineageController;
import dev.nines.server.lineage.RequestBodies;
import dev.nines.server.notify.NotifierLoop;
import dev.nines.server.notify.SilenceController;
import dev.nines.server.notify.Silences;
import dev.nines.server.observation.ObservationController;
import dev.nines.server.pipeline.PipelineController;
import dev.nines.server.pipeline.PipelineRunsSource;
import dev.nines.server.pipeline.PipelineWatchLoop;
import dev.nines.server.pipeline.StorePipelineRuns;
import dev.nines.server.remediation.Actions;
import dev.nines.server.remediation.RemediationController;
import dev.nines.server.remediation.RemediationLoop;
import dev.nines.server.remediation.Remediator;
import dev.nines.server.report.ReportController;
import dev.nines.server.run.NativeRuns;
import dev.nines.server.run.RunController;
import dev.nines.server.schedule.CheckScheduler;
import dev.nines.server.schedule.ScheduleSettings;
import dev.nines.server.slo.SloController;
import dev.nines.server.slo.SloLoop;
import dev.nines.spec.Spec;
import dev.nines.store.LineageCommitStats;
import dev.nines.store.NinesStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code nines serve}: the HTTP server, wired by hand in this one place from the spec, the store
 * and the clock. Closing it stops taking requests, lets those in flight finish, then closes the
 * store.
 */
public final class NinesServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NinesServer.class);
  private static final String OPENAPI = "openapi.yaml";
  // other replicas' timeline entries are seen within this; this one's wake the loop at once
  private static final Duration REMEDIATION_POLL = Duration.ofSeconds(1);

  private final LiveSpec spec;
  private final NinesStore store;
  private final Javalin app;
  private final Duration drainTimeout;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Route> routes;
  private final PipelineWatchLoop pipelineWatch;
  private final CheckScheduler scheduler;
  private final RemediationLoop remediationLoop;
  private final IncidentLoop incidentLoop;
  private final SloLoop sloLoop;
  private final NotifierLoop notifier;

  private NinesServer(ServerOptions options, LiveSpec spec, NinesStore store) {
    this.spec = spec;
    this.store = store;
    this.drainTimeout = options.drainTimeout();
    RequestBodies bodies = new RequestBodies(() -> spec.settings().maxBodyBytes());
    ApiKeyGuard guard = new ApiKeyGuard(() -> spec.settings().apiKey());
    PipelineRunsSource runs = new StorePipelineRuns(store);
    this.pipelineWatch = new PipelineWatchLoop(spec::spec, runs, store, options.clock());
    this.incidentLoop =
        new IncidentLoop(
            spec::spec, store, options.clock(), Duration.ofSeconds(1), Duration.ofMinutes(1));
    Remediator remediator =
        new Remediator(
            store.incidents(), spec::spec, new Actions(Actions.DEFAULT_TIMEOUT), options.clock());
    this.remediationLoop = new RemediationLoop(store.timelineTail(), remediator, options.clock());
    incidentLoop.onProcessed(remediationLoop::wake);
    this.sloLoop =
        new SloLoop(
            spec::spec, store, options.clock(), Duration.ofMinutes(1), Duration.ofSeconds(5));
    this.notifier = NotifierLoop.wire(spec::spec, store.notifications(), options.clock());
    incidentLoop.onProcessed(notifier::wake);
    this.routes =
        Routes.all(
            new HealthController(store, draining::get),
            new LineageController(store, spec::spec, options.clock(), bodies, guard),
            new RunController(new NativeRuns(store, spec::spec, options.clock()), guard, bodies),
            new PipelineController(runs, store, spec::spec),
            new DatasetController(store, spec::spec),
            new ObservationController(store),
            new IncidentController(store, options.clock(), guard, bodies),
            new RemediationController(remediator, guard, bodies),
            new ReportController(store, spec::spec, options.clock()),
            new SilenceController(
                new Silences(store.notifications(), options.clock()),
                guard,
                bodies,
                options.clock()),
            new SloController(spec::spec, store, options.clock()),
            ctx -> reload(ctx, guard),
            NinesServer::openApi);
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            });
    ErrorMapper.install(app);
    for (Route route : routes) {
      app.addHttpHandler(route.method(), route.path(), counted(route.handler()));
    }
    this.scheduler =
        CheckScheduler.start(store, spec.spec(), options.clock(), ScheduleSettings.defaults());
  }

  /**
   * Loads the spec, opens its store and starts listening.
   *
   * @throws NinesException when the spec is invalid, the store cannot be opened or the port cannot
   *     be bound; the message says which
   */
  public static NinesServer start(ServerOptions options) {
    LiveSpec spec = new LiveSpec(options.specPaths(), options.environment());
    NinesStore store = NinesStore.open(spec.spec().store());
    NinesServer server = null;
    try {
      server = new NinesServer(options, spec, store);
      server.app.start(options.host(), options.port());
      server.pipelineWatch.start(spec.settings().watchEvery());
      server.remediationLoop.start(REMEDIATION_POLL);
      server.incidentLoop.start();
      server.sloLoop.start();
      server.notifier.start();
      LOG.info(
          "Nines serving on {}:{} with store {}", options.host(), server.port(), store.location());
      return server;
    } catch (RuntimeException e) {
      if (server != null) {
        server.remediationLoop.close();
        server.scheduler.close();
      }
      store.close();
      throw new NinesException(
          "Cannot start the server on " + options.host() + ":" + options.port() + ": " + reason(e),
          e);
    }
  }

  /** The port listened on (the one chosen when 0 was asked). */
  public int port() {
    return app.port();
  }

  /** The spec in force. */
  public Spec spec() {
    return spec.spec();
  }

  /**
   * Judges every declared pipeline's runs now, as the server does every {@code watch_every}.
   *
   * @return how many new observations were saved
   */
  public int evaluatePipelines() {
    return pipelineWatch.evaluate();
  }

  /**
   * Runs the SLO evaluation pass now, as the server does every minute and after new observations.
   *
   * @return how many SLOs were evaluated
   */
  public int evaluateSlos() {
    return sloLoop.evaluateNow();
  }

  /**
   * Turns the observations stored so far into incidents now, as the server does when woken.
   *
   * @return how many observations were processed
   */
  public int processIncidents() {
    return incidentLoop.processNow();
  }

  /** What the store's lineage writers committed so far (group commit), and what waits for them. */
  public LineageCommitStats lineageCommitStats() {
    return store.lineageCommitStats();
  }

  /** Automatic remediation: woken when the incident loop wrote, and polling every second. */
  public RemediationLoop remediationLoop() {
    return remediationLoop;
  }

  /** Asks the notifier for a round now: the incident timeline has new entries. */
  public void wakeNotifier() {
    notifier.wake();
  }

  /** Requests being handled now. */
  int inFlight() {
    return inFlight.get();
  }

  /** The routes served, as registered. */
  public List<Route> routes() {
    return routes;
  }

  /**
   * Re-reads the spec; keeps the old one when the new one is invalid.
   *
   * @return the problems of an invalid spec; empty when the new spec is in force
   */
  public List<String> reload() {
    List<String> problems = spec.reload();
    if (problems.isEmpty()) {
      scheduler.reschedule(spec.spec());
      LOG.info("Spec reloaded from {}", spec.spec().files());
    } else {
      LOG.warn("Spec not reloaded, the previous one stays in force: {}", problems);
    }
    return problems;
  }

  /** Reloads the spec on SIGHUP where the platform has it; returns whether it was installed. */
  public boolean reloadOnHangup() {
    return Signals.onHangup(this::reload);
  }

  /**
   * Stops taking requests, waits for those in flight (up to the drain timeout), closes the store.
   */
  @Override
  public void close() {
    if (!draining.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (inFlight.get() > 0) {
      LOG.warn("{} requests still in flight at shutdown; their clients will retry", inFlight.get());
    }
    app.stop();
    pipelineWatch.close();
    remediationLoop.close();
    scheduler.close();
    sloLoop.close();
    incidentLoop.close();
    notifier.close();
    store.close();
    LOG.info("Nines server stopped");
  }

  /** Refuses new work while draining; counts what is in flight so a shutdown can wait for it. */
  private Handler counted(Handler handler) {
    return ctx -> {
      if (draining.get() && !ctx.path().equals("/health")) {
        throw new ServiceUnavailable("the server is shutting down; retry on another replica");
      }
      inFlight.incrementAndGet();
      try {
        handler.handle(ctx);
      } finally {
        inFlight.decrementAndGet();
      }
    };
  }

  private void reload(Context ctx, ApiKeyGuard guard) {
    guard.check(ctx);
    List<String> problems = reload();
    if (!problems.isEmpty()) {
      throw new InvalidSpecRequest(problems);
    }
    Spec current = spec.spec();
    ctx.json(
        Map.of(
            "status", "reloaded",
            "files", current.files(),
            "datasets", current.datasets().size()));
  }

  private static void openApi(Context ctx) throws IOException {
    try (InputStream in = NinesServer.class.getResourceAsStream("/" + OPENAPI)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI + " is missing from the server's resources");
      }
      ctx.contentType("application/yaml")
          .result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
