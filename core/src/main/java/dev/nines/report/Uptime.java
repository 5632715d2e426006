package dev.nines.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The share of a span that was up, and the nines it corresponds to.
 *
 * @param up time without downtime
 * @param total the span's time
 */
public record Uptime(Duration up, Duration total) {
  public Uptime {
    Objects.requireNonNull(up, "up");
    Objects.requireNonNull(total, "total");
    if (up.isNegative() || up.compareTo(total) > 0) {
      throw new IllegalArgumentException("uptime " + up + " is not within 0.." + total);
    }
  }

  /** Up over total, 1 for an empty span (nothing could be down). */
  public BigDecimal ratio() {
    if (total.isZero()) {
      return BigDecimal.ONE;
    }
    return new BigDecimal(up.toMillis())
        .divide(new BigDecimal(total.toMillis()), MathContext.DECIMAL64);
  }

  /** Uptime in percent, e.g. {@code 99.95}. */
  @JsonProperty("percent")
  public BigDecimal percent() {
    return ratio().movePointRight(2);
  }

  /**
   * The nines: −log10 of the down share, rounded down to one decimal so a figure is never flattered
   * (99.9% is 3.0, 99.95% is 3.3, 99.5% is 2.3); empty when nothing was down (infinitely many).
   */
  public Optional<BigDecimal> nines() {
    Duration down = total.minus(up);
    if (down.isZero()) {
      return Optional.empty();
    }
    double downShare = (double) down.toMillis() / total.toMillis();
    double nines = -Math.log10(downShare);
    // a tiny epsilon keeps exact shares (0.001 → 3) from falling to 2.9 through floating point
    return Optional.of(
        BigDecimal.valueOf(nines + 1e-9).setScale(1, RoundingMode.FLOOR).max(BigDecimal.ZERO));
  }

  /** The nines, null when nothing was down (for JSON). */
  @JsonProperty("nines")
  public BigDecimal ninesOrNull() {
    return nines().orElse(null);
  }

  /** {@code 99.95% (3.3 nines)} or {@code 100% (no downtime)}. */
  public String describe() {
    String percent =
        percent().setScale(3, RoundingMode.FLOOR).stripTrailingZeros().toPlainString() + "%";
    return nines()
        .map(n -> percent + " (" + n.toPlainString() + " nines)")
        .orElse(percent + " (no downtime)");
  }
}
