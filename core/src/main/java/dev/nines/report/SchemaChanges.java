package dev.nines.report;

import dev.nines.check.SchemaCheck;
import dev.nines.observation.ColumnInfo;
import dev.nines.observation.SchemaSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The variety of a dataset: its newest columns and the schema changes of a period. */
final class SchemaChanges {
  private SchemaChanges() {}

  /**
   * The snapshots of the period compared one after the other, the first with the newest one taken
   * before the period (the schema the period began with). Two snapshots are one schema when the
   * schema check finds no difference between them.
   *
   * @param newest the newest snapshot of all, null without one
   * @param snapshots snapshots up to the period's end, any order
   */
  static DatasetReport.Variety of(
      String source, SchemaSnapshot newest, List<SchemaSnapshot> snapshots, ReportPeriod period) {
    List<SchemaSnapshot> ordered =
        snapshots.stream().sorted(Comparator.comparing(SchemaSnapshot::takenAt)).toList();
    SchemaSnapshot before = null;
    List<SchemaSnapshot> within = new ArrayList<>();
    for (SchemaSnapshot snapshot : ordered) {
      if (snapshot.takenAt().isBefore(period.interval().start())) {
        before = snapshot;
      } else if (period.interval().contains(snapshot.takenAt())) {
        within.add(snapshot);
      }
    }
    List<List<ColumnInfo>> distinct = new ArrayList<>();
    List<DatasetReport.SchemaChange> changes = new ArrayList<>();
    SchemaSnapshot previous = before;
    if (before != null) {
      distinct.add(before.columns());
    }
    for (SchemaSnapshot snapshot : within) {
      if (distinct.stream()
          .noneMatch(seen -> SchemaCheck.differences(seen, snapshot.columns()).isEmpty())) {
        distinct.add(snapshot.columns());
      }
      if (previous != null) {
        List<String> differences = SchemaCheck.differences(previous.columns(), snapshot.columns());
        if (!differences.isEmpty()) {
          changes.add(new DatasetReport.SchemaChange(snapshot.takenAt(), differences));
        }
      }
      previous = snapshot;
    }
    Map<String, Long> types =
        newest == null
            ? Map.of()
            : newest.columns().stream()
                .collect(
                    Collectors.groupingBy(ColumnInfo::type, TreeMap::new, Collectors.counting()));
    return new DatasetReport.Variety(
        source,
        newest == null ? null : newest.columns().size(),
        types,
        newest == null ? null : newest.takenAt(),
        within.size(),
        distinct.size(),
        changes);
  }
}
