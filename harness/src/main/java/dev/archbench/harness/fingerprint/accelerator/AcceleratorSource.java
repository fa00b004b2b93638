package dev.archbench.harness.fingerprint.accelerator;

import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.record.Host;
import java.util.List;

/** One kind of accelerator found on the host; each kind is one implementation. */
public interface AcceleratorSource {
  /** The accelerators of this kind, grouped by model (one entry per model with its count); empty when none. */
  List<Host.Accelerator> read(HostFiles files, List<PciDevice> pci);
}
