package dev.nines.store.internal;

import dev.nines.observation.ColumnInfo;
import dev.nines.observation.Expectation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericType;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How store columns become Java values and back: instants through {@code OffsetDateTime} in UTC
 * (exact on H2 and PostgreSQL whatever the JVM's zone), durations as milliseconds, JSON text as
 * lists and expectations.
 */
public final class StoreColumns {
  private StoreColumns() {}

  /** Registers the store's arguments and column mappers on {@code jdbi}. */
  public static void register(Jdbi jdbi, StoreJson json) {
    jdbi.registerArgument(new InstantArgumentFactory());
    jdbi.registerColumnMapper(Instant.class, StoreColumns::instant);
    jdbi.registerColumnMapper(Duration.class, StoreColumns::millis);
    jdbi.registerColumnMapper(new GenericType<List<String>>() {}, text(json::readLines));
    jdbi.registerColumnMapper(new GenericType<List<ColumnInfo>>() {}, text(json::readColumns));
    jdbi.registerColumnMapper(Expectation.class, text(json::readExpectation));
  }

  /** The store keeps milliseconds; everything saved is cut to them so it reads back equal. */
  public static Instant toMillis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private static Instant instant(ResultSet results, int column, StatementContext context)
      throws SQLException {
    OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Duration millis(ResultSet results, int column, StatementContext context)
      throws SQLException {
    long millis = results.getLong(column);
    return results.wasNull() ? null : Duration.ofMillis(millis);
  }

  private static <T> ColumnMapper<T> text(Function<String, T> parse) {
    return (results, column, context) -> {
      String value = results.getString(column);
      return value == null ? null : parse.apply(value);
    };
  }

  private static final class InstantArgumentFactory extends AbstractArgumentFactory<Instant> {
    InstantArgumentFactory() {
      super(Types.TIMESTAMP_WITH_TIMEZONE);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
      OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
      return (position, statement, context) -> statement.setObject(position, utc);
    }
  }
}
