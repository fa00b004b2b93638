package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.engine.DjlSetup;
import dev.archbench.workloads.inference.engine.EngineKind;
import dev.archbench.workloads.inference.engine.Inputs;
import dev.archbench.workloads.inference.engine.LoadedModel;
import dev.archbench.workloads.inference.engine.OnnxAgreement;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real pretrained encoder: tokenizer plus ONNX Runtime give meaningful sentence embeddings. */
class MiniLmTest {

  @Test
  void similarSentencesAreCloserThanUnrelatedOnes() throws Exception {
    DjlSetup.configure(WorkloadOptions.workDir());
    ModelStore store = new ModelStore(WorkloadOptions.workDir());
    List<String> texts = List.of("A man is playing a guitar.", "Someone plays an acoustic guitar.",
        "The stock market fell sharply today.");
    try (LoadedModel m = LoadedModel.load(EngineKind.ONNXRUNTIME, store.onnx(ModelKind.MINILM).path(),
            new ThreadSettings(2, 1), Device.cpu());
        Predictor<NDList, NDList> p = m.newPredictor();
        HuggingFaceTokenizer tok = Inputs.tokenizer(store.minilmTokenizer(), 32)) {
      assertThat(tok.encode("hello world").getTokens()).containsExactly("[CLS]", "hello", "world", "[SEP]",
          "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]",
          "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]",
          "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]", "[PAD]");
      NDList in = Inputs.minilm(m.model().getNDManager(), tok, texts);
      NDList out = p.predict(in);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(3, 32, 384));
      float[][] e = Inputs.meanPool(out.get(0), in.get(1));
      double similar = OnnxAgreement.cosine(e[0], e[1]);
      double unrelated = OnnxAgreement.cosine(e[0], e[2]);
      assertThat(similar).isGreaterThan(0.5);
      assertThat(unrelated).isLessThan(0.3);
      assertThat(similar).isGreaterThan(unrelated + 0.3);
    }
  }
}
