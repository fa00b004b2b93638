package dev.archbench.workloads.inference.bench;

import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.engine.EngineKind;

/** Benchmark names: {@code <scenario>.<model>.<engine>} plus {@code -<device>} off the CPU. */
public final class InferenceNames {
  private InferenceNames() {}

  public static String name(String scenario, String model, EngineKind engine, DeviceKind device) {
    return scenario + "." + model + "." + engine.id() + (device == DeviceKind.CPU ? "" : "-" + device.id());
  }
}
