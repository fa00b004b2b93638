package dev.archbench.harness.fingerprint.accelerator;

import dev.archbench.harness.fingerprint.HostFiles;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The accelerator frameworks' versions, read from the Python environments the Deep Learning AMIs
 * install under {@code /opt}: a pip package's version is the name of its {@code <name>-<version>.dist-info}
 * directory, so no Python has to run. Neuron: the newest {@code aws_neuronx_venv_pytorch*} venv
 * ({@code torch-neuronx} is the runtime side, {@code neuronx-cc} the compiler). GPU: {@code /opt/pytorch}
 * ({@code torch}, whose local version names the CUDA build, e.g. {@code 2.7.1+cu128}).
 */
final class FrameworkVersions {
  static final String NEURON_VENV_PREFIX = "aws_neuronx_venv_pytorch";
  static final String GPU_VENV = "pytorch";

  private FrameworkVersions() {}

  /** {@code torch-neuronx <version>} of the newest Neuron venv, or null. */
  static String neuronRuntime(HostFiles files) {
    return neuronVenv(files).flatMap(v -> installed(files, v, "torch_neuronx")).map(v -> "torch-neuronx " + v)
        .orElse(null);
  }

  /** {@code neuronx-cc <version>} of the newest Neuron venv, or null. */
  static String neuronCompiler(HostFiles files) {
    return neuronVenv(files).flatMap(v -> installed(files, v, "neuronx_cc")).map(v -> "neuronx-cc " + v)
        .orElse(null);
  }

  /** {@code torch <version>} of the GPU PyTorch venv, or null. */
  static String gpuRuntime(HostFiles files) {
    return installed(files, GPU_VENV, "torch").map(v -> "torch " + v).orElse(null);
  }

  private static Optional<String> neuronVenv(HostFiles files) {
    return files.names(files.paths().opt()).stream().filter(n -> n.startsWith(NEURON_VENV_PREFIX))
        .max(Comparator.naturalOrder());
  }

  /** The version of pip package {@code name} (its dist-info spelling) in venv {@code /opt/<venv>}. */
  static Optional<String> installed(HostFiles files, String venv, String name) {
    Path lib = files.paths().opt().resolve(venv).resolve("lib");
    List<String> pythons = files.names(lib).stream().filter(n -> n.startsWith("python3")).toList();
    for (int i = pythons.size() - 1; i >= 0; i--) {
      String python = pythons.get(i);
      String prefix = name + "-";
      Optional<String> version = files.names(lib.resolve(python).resolve("site-packages")).stream()
          .filter(n -> n.startsWith(prefix) && n.endsWith(".dist-info"))
          .map(n -> n.substring(prefix.length(), n.length() - ".dist-info".length()))
          .filter(v -> !v.isEmpty() && Character.isDigit(v.charAt(0)))
          .findFirst();
      if (version.isPresent()) {
        return version;
      }
    }
    return Optional.empty();
  }
}
