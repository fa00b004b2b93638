package dev.archbench.workloads.inference.device;

import dev.archbench.record.Host;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides from {@code --device} and the host fingerprint whether benchmarks for a device run here.
 * With {@code auto} an absent accelerator is a skip; when the user asked for that device explicitly,
 * its absence is an error ({@link RequiredDeviceMissing}) that the runner turns into exit code 1.
 */
public final class DeviceSelection {
  public static final String NO_NEURON = "no Neuron device (/dev/neuron* absent)";
  public static final String NO_GPU = "no GPU (the host fingerprint lists none)";

  private final String requested;

  private DeviceSelection(String requested) {
    this.requested = requested;
  }

  /** Parses {@code --device}; empty means {@code auto}. */
  public static DeviceSelection of(Optional<String> option) {
    String v = option.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("auto");
    if (!List.of("auto", "cpu", "gpu", "neuron").contains(v)) {
      throw new IllegalArgumentException("--device must be cpu, gpu, neuron or auto, not '" + v + "'");
    }
    return new DeviceSelection(v);
  }

  public boolean explicit(DeviceKind kind) {
    return requested.equals(kind.id());
  }

  /** Why benchmarks on {@code kind} do not run here, or empty when they do. */
  public Optional<String> unavailableReason(DeviceKind kind, Host host) {
    if (!requested.equals("auto") && !explicit(kind)) {
      return Optional.of("not selected (--device " + requested + ")");
    }
    if (kind == DeviceKind.CPU) {
      return Optional.empty();
    }
    if (present(kind, host)) {
      return Optional.empty();
    }
    String reason = kind == DeviceKind.NEURON ? NO_NEURON : NO_GPU;
    if (explicit(kind)) {
      throw new RequiredDeviceMissing(reason);
    }
    return Optional.of(reason);
  }

  static boolean present(DeviceKind kind, Host host) {
    if (host == null || host.accelerators() == null) {
      return false;
    }
    return host.accelerators().stream().anyMatch(a -> kind.id().equalsIgnoreCase(a.kind())
        && (a.count() == null || a.count() > 0));
  }

  /** The user asked for a device this host does not have: the run must stop with this one line. */
  public static final class RequiredDeviceMissing extends dev.archbench.workload.UnsatisfiableRequest {
    private static final long serialVersionUID = 1L;

    public RequiredDeviceMissing(String message) {
      super(message);
    }
  }
}
