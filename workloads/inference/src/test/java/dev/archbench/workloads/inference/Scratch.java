package dev.archbench.workloads.inference;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.engine.*;
import dev.archbench.workloads.inference.model.*;
import org.junit.jupiter.api.Test;

class Scratch {
  @Test
  void run() throws Exception {
    DjlSetup.configure(WorkloadOptions.workDir());
    ModelStore store = new ModelStore(WorkloadOptions.workDir());
    for (ModelKind k : new ModelKind[] {ModelKind.MLP, ModelKind.MOBILENETV2, ModelKind.RESNET50}) {
      long t0 = System.nanoTime();
      ModelFile f = store.onnx(k);
      System.out.println(k + " " + f + " " + (System.nanoTime() - t0) / 1e6 + " ms");
      float[] a;
      try (LoadedModel m = LoadedModel.load(EngineKind.ONNXRUNTIME, f.path(), new ThreadSettings(2, 1), Device.cpu());
          Predictor<NDList, NDList> p = m.newPredictor()) {
        NDList out = p.predict(Inputs.generated(m.model().getNDManager(), k, 1));
        a = out.get(0).toFloatArray();
        System.out.println(m.engineDescription() + " " + out.get(0).getShape() + " load " + m.loadMillis() + " " + a[0] + " " + a[a.length - 1]);
      }
      t0 = System.nanoTime();
      ModelFile pt = new TorchScriptExporter(store, PythonTorch.find("/usr/bin/python3").get().get()).export(k);
      System.out.println("export " + (System.nanoTime() - t0) / 1e6 + " ms");
      try (LoadedModel m = LoadedModel.load(EngineKind.PYTORCH, pt.path(), new ThreadSettings(2, 1), Device.cpu());
          Predictor<NDList, NDList> p = m.newPredictor()) {
        NDList out = p.predict(Inputs.generated(m.model().getNDManager(), k, 1));
        float[] b = out.get(0).toFloatArray();
        double maxd = 0, maxa = 0;
        for (int i = 0; i < a.length; i++) { maxd = Math.max(maxd, Math.abs(a[i] - b[i])); maxa = Math.max(maxa, Math.abs(a[i])); }
        System.out.println(m.engineDescription() + " " + out.get(0).getShape() + " load " + m.loadMillis() + " maxdiff " + maxd + " maxabs " + maxa);
      }
    }
  }
}
