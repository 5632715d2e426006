package dev.nines.spec.internal;

import dev.nines.pipeline.JobPattern;
import dev.nines.spec.PipelineSpec;
import dev.nines.spec.Problems;
import java.util.HashMap;
import java.util.Map;

/**
 * A job named exactly by two pipelines would have its runs judged twice by different rules; that is
 * a problem at the second one. Overlapping wildcard patterns are allowed: the first pipeline in
 * spec order wins.
 */
final class JobOverlaps {
  private final Problems problems;

  JobOverlaps(Problems problems) {
    this.problems = problems;
  }

  void check(Map<String, PipelineSpec> pipelines, Map<String, Located> entries) {
    Map<JobPattern, String> owners = new HashMap<>();
    pipelines.forEach(
        (name, pipeline) -> {
          if (pipeline == null) {
            return;
          }
          for (JobPattern job : pipeline.jobs()) {
            String owner = job.isExact() ? owners.putIfAbsent(job, name) : null;
            if (owner != null && !owner.equals(name)) {
              Located entry = entries.get(name);
              Located at = entry.child("job").isAbsent() ? entry.child("jobs") : entry.child("job");
              problems.add(
                  at.keyLocation(),
                  at.field(),
                  "job " + job + " is also the job of pipeline " + owner,
                  "a job's runs belong to one pipeline: remove it from one of them");
            }
          }
        });
  }
}
