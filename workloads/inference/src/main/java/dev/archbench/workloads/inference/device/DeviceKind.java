package dev.archbench.workloads.inference.device;

import java.util.Locale;

/** Where a benchmark runs. {@code --device auto} means CPU plus every accelerator present. */
public enum DeviceKind {
  CPU, GPU, NEURON;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
