package dev.archbench.workloads.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Produces the TorchScript twin of a built-in model by running the repository's exporter script with
 * a Python that has torch, once; the result is cached beside the ONNX files. The generated models get
 * the ONNX file's very weights (written as an .npz for the script), MiniLM is rebuilt from the
 * pretrained ONNX file.
 */
public final class TorchScriptExporter {
  static final String[] SCRIPTS = {"export_torchscript.py", "minilm_torch.py"};

  private final ModelStore store;
  private final PythonTorch python;

  public TorchScriptExporter(ModelStore store, PythonTorch python) {
    this.store = store;
    this.python = python;
  }

  /** The cached or freshly exported TorchScript file of a built-in model (CPU, any shape). */
  public ModelFile export(ModelKind kind) throws IOException {
    return export(kind, store.torchScriptPath(kind), List.of());
  }

  /**
   * The model compiled with torch_neuronx for one input shape (Neuron compiles fixed shapes), run
   * with the Neuron venv's Python.
   */
  public ModelFile exportNeuron(ModelKind kind, int batch, int seqLen) throws IOException {
    String shape = "-b" + batch + (kind == ModelKind.MINILM ? "-s" + seqLen : "");
    Path out = store.torchScriptPath(kind).resolveSibling(kind.id() + "-neuron" + shape + ".pt");
    return export(kind, out, List.of("--neuron", "--batch", Integer.toString(batch),
        "--seq-len", Integer.toString(seqLen)));
  }

  private ModelFile export(ModelKind kind, Path out, List<String> extra) throws IOException {
    ModelFile onnx = store.onnx(kind);
    store.createOnce(out, tmp -> {
      Path work = Files.createTempDirectory(store.dir(), "export-");
      try {
        Path script = copyScripts(work);
        List<String> args = new ArrayList<>(List.of(script.toString(), "--arch", kind.id(), "--out", tmp.toString()));
        if (kind.generated()) {
          Path npz = work.resolve(kind.id() + ".npz");
          NpzWriter.write(npz, kind.generate().parameters().values());
          args.addAll(List.of("--weights", npz.toString()));
        } else {
          args.addAll(List.of("--onnx", onnx.path().toString()));
        }
        args.addAll(extra);
        python.run(args, work, Map.of("OMP_NUM_THREADS", "1"), 1800);
      } finally {
        deleteTree(work);
      }
    });
    return new ModelFile(out, ModelStore.sha256(out));
  }

  static Path copyScripts(Path dir) throws IOException {
    Path main = null;
    for (String s : SCRIPTS) {
      try (InputStream in = TorchScriptExporter.class.getResourceAsStream("/dev/archbench/workloads/inference/" + s)) {
        if (in == null) {
          throw new IOException("missing resource " + s);
        }
        Path target = dir.resolve(s);
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        if (main == null) {
          main = target;
        }
      }
    }
    return main;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
