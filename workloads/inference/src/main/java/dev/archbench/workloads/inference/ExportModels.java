package dev.archbench.workloads.inference;

import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.device.NeuronEnvironment;
import dev.archbench.workloads.inference.model.ModelFile;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import dev.archbench.workloads.inference.model.PythonTorch;
import dev.archbench.workloads.inference.model.TorchScriptExporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prepares the model cache ahead of a run (benchmarks otherwise do it at first use): the ONNX files,
 * and TorchScript exported with a Python that has torch, or, with {@code --neuron-env}, compiled by
 * torch_neuronx for one batch size and sequence length. Used by {@code scripts/neuron-compile.sh}.
 *
 * <p>Arguments: {@code [--python PATH] [--neuron-env DIR] [--batch N] [--seq-len N] [--models a,b]};
 * the cache is in the work directory of the fork settings file named by {@code -Darchbench.fork}
 * ({@link dev.archbench.workload.ForkContext}), else in {@code ./.archbench}.
 */
public final class ExportModels {
  private ExportModels() {}

  public static void main(String[] args) throws Exception {
    Optional<String> python = Optional.empty();
    Optional<String> neuronEnv = Optional.empty();
    int batch = 1;
    int seqLen = 128;
    List<ModelKind> models = Arrays.asList(ModelKind.values());
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--python" -> python = Optional.of(v);
        case "--neuron-env" -> neuronEnv = Optional.of(v);
        case "--batch" -> batch = Integer.parseInt(v);
        case "--seq-len" -> seqLen = Integer.parseInt(v);
        case "--models" -> models = Arrays.stream(v.split(",")).map(ModelKind::of).toList();
        default -> fail("unknown argument " + args[i]);
      }
      i++;
    }
    ModelStore store = new ModelStore(WorkloadOptions.workDir());
    if (neuronEnv.isPresent()) {
      python = Optional.of(NeuronEnvironment.inspect(Path.of(neuronEnv.get())).python().toString());
    }
    PythonTorch.Result py = PythonTorch.find(PythonTorch.choose(python));
    List<ModelFile> done = new ArrayList<>();
    for (ModelKind m : models) {
      done.add(store.onnx(m));
      if (py.get().isEmpty()) {
        continue;
      }
      TorchScriptExporter ex = new TorchScriptExporter(store, py.get().get());
      done.add(neuronEnv.isPresent() ? ex.exportNeuron(m, batch, seqLen) : ex.export(m));
    }
    for (ModelFile f : done) {
      System.out.println(f.sha256() + "  " + f.path());
    }
    if (py.get().isEmpty()) {
      fail("TorchScript not exported: " + py.reason());
    }
  }

  private static void fail(String message) {
    System.err.println("export-models: " + message);
    System.exit(1);
  }
}
