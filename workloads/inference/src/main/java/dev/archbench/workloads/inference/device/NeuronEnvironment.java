package dev.archbench.workloads.inference.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How DJL's PyTorch engine runs a torch_neuronx-traced model: instead of its bundled libtorch it
 * loads the Neuron SDK's torch libraries ({@code PYTORCH_LIBRARY_PATH}, CPU flavor) plus
 * {@code libtorchneuron.so} ({@code PYTORCH_EXTRA_LIBRARY_PATH}), and each predictor sees its own
 * NeuronCores ({@code NEURON_RT_VISIBLE_CORES}). Everything here is a pure function of a directory
 * tree so it is tested against fixtures.
 *
 * @param venv the Neuron virtual environment
 * @param torchLib its {@code site-packages/torch/lib}
 * @param libtorchneuron its {@code site-packages/torch_neuronx/lib/libtorchneuron.so}
 * @param torchVersion the torch version of the venv (from its dist-info), for {@code PYTORCH_VERSION}
 */
public record NeuronEnvironment(Path venv, Path torchLib, Path libtorchneuron, String torchVersion) {
  /** Where the Neuron DLAMI and the Neuron SDK install guide put the PyTorch venvs. */
  static final List<String> VENV_GLOBS = List.of("aws_neuronx_venv_pytorch", "aws_neuron_venv_pytorch");

  /** The venv to use: {@code --neuron-env DIR} if given, else the newest standard one under root/opt. */
  public static Optional<Path> findVenv(Path root, Optional<String> explicit) {
    if (explicit.isPresent()) {
      return Optional.of(Path.of(explicit.get()));
    }
    Path opt = root.resolve("opt");
    if (!Files.isDirectory(opt)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(opt)) {
      return s.filter(Files::isDirectory)
          .filter(p -> VENV_GLOBS.stream().anyMatch(g -> p.getFileName().toString().startsWith(g)))
          .max(Comparator.comparing((Path p) -> p.getFileName().toString().startsWith("aws_neuronx"))
              .thenComparing(p -> p.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Inspects a venv; the error explains what is missing. */
  public static NeuronEnvironment inspect(Path venv) throws IOException {
    Path lib = venv.resolve("lib");
    Path sitePackages;
    try (Stream<Path> s = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
      sitePackages = s.filter(p -> p.getFileName().toString().startsWith("python3"))
          .map(p -> p.resolve("site-packages")).filter(Files::isDirectory).sorted().reduce((a, b) -> b)
          .orElseThrow(() -> new IOException("no lib/python3*/site-packages in " + venv));
    }
    Path torchLib = sitePackages.resolve("torch/lib");
    if (!Files.isRegularFile(torchLib.resolve("libtorch.so"))) {
      throw new IOException("no torch in " + venv + " (" + torchLib.resolve("libtorch.so") + " missing)");
    }
    Path neuron = sitePackages.resolve("torch_neuronx/lib/libtorchneuron.so");
    if (!Files.isRegularFile(neuron)) {
      throw new IOException("no torch_neuronx in " + venv + " (" + neuron + " missing)");
    }
    String version;
    try (Stream<Path> s = Files.list(sitePackages)) {
      version = s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("torch-") && n.endsWith(".dist-info"))
          .map(n -> n.substring("torch-".length(), n.length() - ".dist-info".length()))
          .findFirst().orElseThrow(() -> new IOException("no torch-*.dist-info in " + sitePackages));
    }
    // "2.7.1+cpu" -> "2.7.1": DJL matches its JNI against the plain version.
    int plus = version.indexOf('+');
    return new NeuronEnvironment(venv, torchLib, neuron, plus < 0 ? version : version.substring(0, plus));
  }

  /** DJL settings (as system properties; DJL reads each as env var or property). */
  public Map<String, String> djlProperties() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("PYTORCH_LIBRARY_PATH", torchLib.toString());
    m.put("PYTORCH_EXTRA_LIBRARY_PATH", libtorchneuron.toString());
    m.put("PYTORCH_FLAVOR", "cpu");
    m.put("PYTORCH_VERSION", torchVersion);
    return m;
  }

  /** The venv's Python, which has torch_neuronx to compile the models. */
  public Path python() {
    return venv.resolve("bin/python3");
  }

  /**
   * NeuronCores per predictor: {@code predictors} contiguous, disjoint ranges over {@code cores}
   * ("0", "1", or "0-1" when a predictor gets two). Fails when there are more predictors than cores.
   */
  public static List<String> assignCores(int cores, int predictors) {
    if (predictors < 1 || cores < 1) {
      throw new IllegalArgumentException("cores and predictors must be positive");
    }
    if (predictors > cores) {
      throw new IllegalArgumentException(predictors + " predictors but only " + cores + " NeuronCores");
    }
    int per = cores / predictors;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < predictors; i++) {
      int first = i * per;
      out.add(per == 1 ? Integer.toString(first) : first + "-" + (first + per - 1));
    }
    return out;
  }
}
