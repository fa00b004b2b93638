package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.CpuSplit;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.LoadCpu;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU split of load tests per benchmark and host, mean over the host's successful records that
 * measured one. Shown so a reader can see how much of the machine the load generator took.
 */
final class LoadCpuSplits {
  private LoadCpuSplits() {}

  static List<LoadCpu> of(List<BenchmarkRow> rows, List<HostGroup> hosts) {
    List<LoadCpu> out = new ArrayList<>();
    for (BenchmarkRow row : rows) {
      for (HostGroup h : hosts) {
        List<CpuSplit> splits = h.byKey().getOrDefault(row.key(), List.of()).stream()
            .filter(BenchmarkResult::isOk).map(BenchmarkResult::cpu).filter(c -> c != null).toList();
        if (splits.isEmpty()) {
          continue;
        }
        int n = splits.size();
        double server = splits.stream().mapToDouble(CpuSplit::serverCores).sum() / n;
        double client = splits.stream().mapToDouble(CpuSplit::clientCores).sum() / n;
        double other = splits.stream().mapToDouble(CpuSplit::otherCores).sum() / n;
        List<Double> perCpu = splits.stream().map(CpuSplit::serverRequestsPerCpuSecond).filter(v -> v != null).toList();
        Double rps = perCpu.isEmpty() ? null : Rounding.r6(perCpu.stream().mapToDouble(Double::doubleValue).sum() / perCpu.size());
        out.add(new LoadCpu(row.key(), h.key(), n, Rounding.r6(server), Rounding.r6(client), Rounding.r6(other), rps));
      }
    }
    return List.copyOf(out);
  }
}
