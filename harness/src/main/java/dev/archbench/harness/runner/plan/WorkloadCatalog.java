package dev.archbench.harness.runner.plan;

import dev.archbench.workload.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The workloads on the class path, found with {@link ServiceLoader}, sorted by id. */
public final class WorkloadCatalog {
  private final List<Workload> workloads;

  public WorkloadCatalog(List<Workload> workloads) {
    List<Workload> sorted = new ArrayList<>(workloads);
    sorted.sort(Comparator.comparing(Workload::id));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalStateException("two workloads have the id " + sorted.get(i).id());
      }
    }
    this.workloads = List.copyOf(sorted);
  }

  /** Every workload registered in {@code META-INF/services/dev.archbench.workload.Workload}. */
  public static WorkloadCatalog discover() {
    List<Workload> found = new ArrayList<>();
    try {
      ServiceLoader.load(Workload.class).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("a workload could not be loaded: " + e.getMessage(), e);
    }
    return new WorkloadCatalog(found);
  }

  /** All workloads, hidden ones included. */
  public List<Workload> all() {
    return workloads;
  }

  /** Workloads shown by default (not hidden). */
  public List<Workload> visible() {
    return workloads.stream().filter(w -> !w.hidden()).toList();
  }

  public Optional<Workload> byId(String id) {
    return workloads.stream().filter(w -> w.id().equals(id)).findFirst();
  }
}
