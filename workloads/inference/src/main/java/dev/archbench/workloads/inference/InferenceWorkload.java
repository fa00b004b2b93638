package dev.archbench.workloads.inference;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.bench.DjlOverheadBenchmark;
import dev.archbench.workloads.inference.bench.InferenceNames;
import dev.archbench.workloads.inference.bench.OfflineScenario;
import dev.archbench.workloads.inference.bench.ServerScenario;
import dev.archbench.workloads.inference.bench.SingleStreamBenchmark;
import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.device.DeviceSelection;
import dev.archbench.workloads.inference.device.DjlTorch;
import dev.archbench.workloads.inference.device.NeuronEnvironment;
import dev.archbench.workloads.inference.engine.DjlSetup;
import dev.archbench.workloads.inference.engine.EngineKind;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import dev.archbench.workloads.inference.model.PythonTorch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * ML inference through DJL, the way Java services run models: ResNet-50, MobileNetV2 and a tabular
 * MLP (seeded weights, generated as ONNX and exported to TorchScript) and the pretrained
 * all-MiniLM-L6-v2 encoder, on ONNX Runtime and PyTorch, on CPU and, when present, AWS Neuron.
 * Scenarios follow MLPerf: single-stream latency, offline throughput, server rate under a p99 bound;
 * plus DJL's own overhead against ONNX Runtime's Java API.
 */
public final class InferenceWorkload implements Workload {
  static final String ID = "inference";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "ML inference through DJL: ResNet-50, MobileNetV2, MLP, MiniLM on ONNX Runtime and PyTorch (CPU, Neuron)";
  }

  /** The first answer: single-stream latency, offline throughput and the server scenario's capacity, on ONNX Runtime (present on every host). */
  @Override
  public java.util.Set<String> coreBenchmarks() {
    return java.util.Set.of("singlestream.mlp.onnxruntime", "offline.mobilenetv2.onnxruntime", "server.mlp.onnxruntime");
  }

  @Override
  public List<BenchmarkSpec> benchmarks(WorkloadContext ctx) {
    List<String> jvmArgs = new ArrayList<>(List.of("-Xmx3g", "-XX:+UseParallelGC"));
    jvmArgs.addAll(DjlSetup.jvmArgs(ctx.workDir()));
    List<BenchmarkSpec> specs = new ArrayList<>();
    for (ModelKind m : ModelKind.values()) {
      for (EngineKind e : EngineKind.values()) {
        specs.add(singleStream(m, e, DeviceKind.CPU, jvmArgs));
      }
    }
    for (ModelKind m : ModelKind.values()) {
      for (EngineKind e : EngineKind.values()) {
        specs.add(offline(m, e, jvmArgs));
      }
    }
    for (ModelKind m : ModelKind.values()) {
      for (EngineKind e : EngineKind.values()) {
        specs.add(server(m, e, jvmArgs));
      }
    }
    for (String model : List.of("mlp", "resnet50")) {
      for (String method : List.of("ortDirect", "djl")) {
        specs.add(overhead(model, method, jvmArgs));
      }
    }
    for (ModelKind m : ModelKind.values()) {
      specs.add(singleStream(m, EngineKind.PYTORCH, DeviceKind.NEURON, jvmArgs));
      specs.add(singleStream(m, EngineKind.PYTORCH, DeviceKind.GPU, jvmArgs));
    }
    specs.add(userModel(jvmArgs));
    return specs;
  }

  private static BenchmarkSpec singleStream(ModelKind m, EngineKind e, DeviceKind d, List<String> jvmArgs) {
    Map<ParamGrid, Map<String, List<String>>> params = new LinkedHashMap<>();
    for (ParamGrid p : ParamGrid.values()) {
      Map<String, List<String>> v = base(m, e, d);
      v.put("batch", d == DeviceKind.CPU || p == ParamGrid.SMOKE ? List.of("1") : List.of("1", "8"));
      if (m == ModelKind.MINILM) {
        v.put("seqLen", p == ParamGrid.SMOKE ? List.of("32") : List.of("32", "128"));
      }
      if (d == DeviceKind.CPU && p == ParamGrid.FULL) {
        v.put("fpmath", List.of("default", "bf16"));
        v.put("threadWait", List.of("spin", "passive"));
      }
      if (p == ParamGrid.SMOKE) {
        // Smoke proves things work, often on busy shared runners where spinning threads crawl.
        v.put("threadWait", List.of("passive"));
      }
      if (p == ParamGrid.REPRESENTATIVE && d == DeviceKind.CPU) {
        // ONNX Runtime's latency for each model family; PyTorch's CPU latency and ResNet-50 are in
        // the full grid (offline covers both engines).
        if (e != EngineKind.ONNXRUNTIME || m == ModelKind.RESNET50) {
          continue;
        }
        if (m == ModelKind.MINILM) {
          v.put("seqLen", List.of("128"));
        }
      }
      params.put(p, v);
    }
    return new BenchmarkSpec(InferenceNames.name("singlestream", m.id(), e, d),
        "single-stream batch-1 latency of " + m.description() + " on " + e.djlName() + " (" + d.id() + ")",
        "milliseconds per inference call, sampled (p50/p90/p99 in percentiles)", "ms/op", false,
        new JmhMethod(SingleStreamBenchmark.class.getName() + ".predict"), params, false, jvmArgs,
        availability(m, e, d));
  }

  private static BenchmarkSpec offline(ModelKind m, EngineKind e, List<String> jvmArgs) {
    Map<ParamGrid, Map<String, List<String>>> params = new LinkedHashMap<>();
    if (m != ModelKind.RESNET50) { // MobileNetV2 represents CNNs in the representative grid
      params.put(ParamGrid.REPRESENTATIVE, with(base(m, e, DeviceKind.CPU), "batch", List.of("8"),
          "predictors", List.of("1")));
    }
    params.put(ParamGrid.FULL, with(base(m, e, DeviceKind.CPU), "batch", List.of("1", "8", "32"),
        "predictors", List.of("1", "2", "4")));
    if (m == ModelKind.MINILM) {
      params.values().forEach(v -> v.put("seqLen", List.of("128")));
    }
    return new BenchmarkSpec(InferenceNames.name("offline", m.id(), e, DeviceKind.CPU),
        "offline throughput of " + m.description() + " on " + e.djlName() + " by batch and predictors",
        "inferences (samples) per second, all predictors together", "inferences/s", true,
        new ScenarioClass(OfflineScenario.class.getName()), params, false, jvmArgs, availability(m, e, DeviceKind.CPU));
  }

  private static BenchmarkSpec server(ModelKind m, EngineKind e, List<String> jvmArgs) {
    Map<ParamGrid, Map<String, List<String>>> params = new LinkedHashMap<>();
    if (m == ModelKind.MLP) {
      // Smoke proves the scenario (and its knee in the record) works; the MLP takes seconds.
      params.put(ParamGrid.SMOKE, with(base(m, e, DeviceKind.CPU), "predictors", List.of("1")));
    }
    if ((m == ModelKind.MLP || m == ModelKind.MOBILENETV2) && e == EngineKind.ONNXRUNTIME) {
      params.put(ParamGrid.REPRESENTATIVE, with(base(m, e, DeviceKind.CPU), "predictors", List.of("1")));
    }
    params.put(ParamGrid.FULL, with(base(m, e, DeviceKind.CPU), "predictors", List.of("1", "2")));
    if (m == ModelKind.MINILM) {
      params.values().forEach(v -> v.put("seqLen", List.of("128")));
    }
    return new BenchmarkSpec(InferenceNames.name("server", m.id(), e, DeviceKind.CPU),
        "server scenario of " + m.description() + " on " + e.djlName() + ": Poisson arrivals, p99 bound",
        "highest Poisson arrival rate (requests/s, batch 1) whose p99 latency stays within the bound "
            + "(--latency-bound-ms, default 100)", "req/s", true, ScenarioClass.kneeSearch(ServerScenario.class.getName()),
        params, false, jvmArgs, availability(m, e, DeviceKind.CPU));
  }

  private static BenchmarkSpec overhead(String model, String method, List<String> jvmArgs) {
    Map<ParamGrid, Map<String, List<String>>> params = new LinkedHashMap<>();
    for (ParamGrid p : ParamGrid.values()) {
      if (model.equals("mlp") || p == ParamGrid.FULL) {
        params.put(p, new LinkedHashMap<>(Map.of("model", List.of(model))));
      }
    }
    String what = method.equals("djl") ? "through DJL" : "through ONNX Runtime's Java API directly";
    return new BenchmarkSpec("overhead." + model + "." + method,
        "batch-1 latency of the " + model + " ONNX model " + what + " (pair: DJL overhead)",
        "milliseconds per call from float[] to float[]", "ms/op", false,
        new JmhMethod(DjlOverheadBenchmark.class.getName() + "." + method), params, false, jvmArgs,
        availability(ModelKind.of(model), EngineKind.ONNXRUNTIME, DeviceKind.CPU));
  }

  private static BenchmarkSpec userModel(List<String> jvmArgs) {
    Map<ParamGrid, Map<String, List<String>>> params = new LinkedHashMap<>();
    for (ParamGrid p : ParamGrid.values()) {
      params.put(p, new LinkedHashMap<>(Map.of("model", List.of("user"), "batch", List.of("1"))));
    }
    return new BenchmarkSpec("singlestream.user", "single-stream latency of the model given with --model",
        "milliseconds per inference call, sampled", "ms/op", false,
        new JmhMethod(SingleStreamBenchmark.class.getName() + ".predict"), params, false, jvmArgs,
        ctx -> ctx.option(WorkloadOptions.MODEL).isEmpty() ? Optional.of("no --model PATH given")
            : DeviceSelection.of(ctx.option(WorkloadOptions.DEVICE)).unavailableReason(DeviceKind.CPU, ctx.host()));
  }

  private static Map<String, List<String>> base(ModelKind m, EngineKind e, DeviceKind d) {
    Map<String, List<String>> v = new LinkedHashMap<>();
    v.put("model", List.of(m.id()));
    v.put("engine", List.of(e.id()));
    v.put("device", List.of(d.id()));
    return v;
  }

  private static Map<String, List<String>> with(Map<String, List<String>> v, Object... kv) {
    for (int i = 0; i < kv.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> values = (List<String>) kv[i + 1];
      v.put((String) kv[i], values);
    }
    return v;
  }

  /** Device first (an explicit --device that is absent is fatal), then what the engine needs. */
  static Function<WorkloadContext, Optional<String>> availability(ModelKind m, EngineKind e, DeviceKind d) {
    return ctx -> {
      Optional<String> device = DeviceSelection.of(ctx.option(WorkloadOptions.DEVICE)).unavailableReason(d, ctx.host());
      if (device.isPresent()) {
        return device;
      }
      if (d == DeviceKind.NEURON) {
        return neuronReason(ctx);
      }
      if (d == DeviceKind.GPU) {
        return gpuReason(System.getenv(), Path.of("/"));
      }
      if (e == EngineKind.PYTORCH) {
        return torchScriptReason(m, ctx);
      }
      return Optional.empty();
    };
  }

  static Optional<String> torchScriptReason(ModelKind m, WorkloadContext ctx) {
    Path cached = new ModelStore(ctx.workDir()).torchScriptPath(m);
    if (Files.isRegularFile(cached)) {
      return Optional.empty();
    }
    PythonTorch.Result py = PythonTorch.find(PythonTorch.choose(ctx.option(WorkloadOptions.PYTHON)));
    return py.get().isPresent() ? Optional.empty() : Optional.of("no TorchScript: " + py.reason());
  }

  /**
   * GPU runs on a CUDA libtorch that DJL does not bundle: the one {@code PYTORCH_LIBRARY_PATH} names
   * (ci/ec2's user data sets it from the GPU AMI's PyTorch venv when its torch matches DJL's), and
   * only when {@code PYTORCH_VERSION} agrees with the JNI archbench carries. Unset, the reason names the
   * AMI's venv under {@code root} when its torch is another version.
   */
  static Optional<String> gpuReason(Map<String, String> env, Path root) {
    String lib = env.get("PYTORCH_LIBRARY_PATH");
    Optional<String> expected = DjlTorch.version();
    if (lib == null) {
      // The GPU AMI's own torch, when it is not DJL's version, is the reason worth naming.
      Path venv = root.resolve(DjlTorch.GPU_VENV);
      Optional<String> amiTorch = DjlTorch.venvTorch(venv);
      if (amiTorch.isPresent() && expected.isPresent()) {
        Optional<String> mismatch = DjlTorch.mismatch("GPU: /" + DjlTorch.GPU_VENV, amiTorch.get(), expected.get());
        if (mismatch.isPresent()) {
          return mismatch;
        }
      }
      return Optional.of("GPU: DJL's CUDA libtorch is not bundled and archbench runs offline; set "
          + "PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR (e.g. cu128) to a CUDA libtorch "
          + expected.orElse("matching DJL's"));
    }
    String version = env.get("PYTORCH_VERSION");
    if (version != null && expected.isPresent()) {
      return DjlTorch.mismatch("GPU: PYTORCH_LIBRARY_PATH " + lib, version, expected.get());
    }
    return Optional.empty();
  }

  static Optional<String> neuronReason(WorkloadContext ctx) {
    Optional<Path> venv = NeuronEnvironment.findVenv(Path.of("/"), ctx.option(WorkloadOptions.NEURON_ENV));
    if (venv.isEmpty()) {
      return Optional.of("no Neuron SDK venv (/opt/aws_neuronx_venv_pytorch*; use --neuron-env DIR)");
    }
    try {
      NeuronEnvironment env = NeuronEnvironment.inspect(venv.get());
      return DjlTorch.version().flatMap(v -> DjlTorch.mismatch("Neuron venv " + venv.get(), env.torchVersion(), v));
    } catch (IOException e) {
      return Optional.of(e.getMessage());
    }
  }
}
