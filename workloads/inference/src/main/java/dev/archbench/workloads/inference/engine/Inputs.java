package dev.archbench.workloads.inference.engine;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.archbench.workloads.inference.model.Architectures;
import dev.archbench.workloads.inference.model.ModelKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Deterministic benchmark inputs: seeded images and features, real sentences for MiniLM. */
public final class Inputs {
  /** Sentences tokenized for MiniLM batches; long enough to fill 128 tokens. */
  static final List<String> SENTENCES = List.of(
      "Graviton instances run Java services at a lower price per request than comparable x86 instances,"
          + " but only a benchmark on the real workload tells how much lower it is for you.",
      "The quick brown fox jumps over the lazy dog while the benchmark harness records every latency"
          + " sample, every garbage collection pause and the exact hardware it ran on.",
      "Inferentia chips accelerate transformer inference; the Neuron compiler traces the model ahead of"
          + " time and the runtime pins each predictor to its own NeuronCore.",
      "Sentence embeddings map text to vectors so that similar meanings end up close together, which"
          + " powers semantic search, clustering and retrieval-augmented generation.");

  private Inputs() {}

  /** A float tensor [batch, features...] of uniform values in [-1, 1). */
  public static float[] floats(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextDouble() * 2 - 1);
    }
    return v;
  }

  /** Shape of one input of a generated model at a batch size. */
  public static Shape shape(ModelKind kind, int batch) {
    return switch (kind) {
      case RESNET50, MOBILENETV2 -> new Shape(batch, 3, 224, 224);
      case MLP -> new Shape(batch, Architectures.MLP_FEATURES);
      case MINILM -> throw new IllegalArgumentException("MiniLM takes token ids");
    };
  }

  /** The input of a generated model: one float tensor. */
  public static NDList generated(NDManager manager, ModelKind kind, int batch) {
    Shape s = shape(kind, batch);
    NDArray a = manager.create(floats((int) s.size(), 42), s);
    a.setName(kind == ModelKind.MLP ? "features" : "input");
    return new NDList(a);
  }

  /** Tokenizes sentences for MiniLM, padded or truncated to {@code seqLen} tokens. */
  public static HuggingFaceTokenizer tokenizer(Path tokenizerJson, int seqLen) throws IOException {
    return HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
        "padding", "max_length", "maxLength", Integer.toString(seqLen), "truncation", "true"));
  }

  /** The three MiniLM inputs (input_ids, attention_mask, token_type_ids) as int64 [batch, seqLen]. */
  public static NDList minilm(NDManager manager, HuggingFaceTokenizer tokenizer, List<String> texts) {
    Encoding[] enc = tokenizer.batchEncode(texts);
    int seq = enc[0].getIds().length;
    long[] ids = new long[texts.size() * seq];
    long[] mask = new long[ids.length];
    long[] types = new long[ids.length];
    for (int i = 0; i < enc.length; i++) {
      System.arraycopy(enc[i].getIds(), 0, ids, i * seq, seq);
      System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * seq, seq);
      System.arraycopy(enc[i].getTypeIds(), 0, types, i * seq, seq);
    }
    Shape s = new Shape(texts.size(), seq);
    NDArray a = manager.create(ids, s);
    a.setName("input_ids");
    NDArray b = manager.create(mask, s);
    b.setName("attention_mask");
    NDArray c = manager.create(types, s);
    c.setName("token_type_ids");
    return new NDList(a, b, c);
  }

  /** {@code batch} benchmark sentences (cycling through the fixed set). */
  public static List<String> sentences(int batch) {
    List<String> out = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      out.add(SENTENCES.get(i % SENTENCES.size()));
    }
    return out;
  }

  /** Mean-pooled, L2-normalized sentence embeddings from MiniLM's last hidden state. */
  public static float[][] meanPool(NDArray hidden, NDArray mask) {
    long[] shape = hidden.getShape().getShape();
    int b = (int) shape[0];
    int seq = (int) shape[1];
    int dim = (int) shape[2];
    float[] h = hidden.toFloatArray();
    long[] m = mask.toLongArray();
    float[][] out = new float[b][dim];
    for (int i = 0; i < b; i++) {
      int count = 0;
      for (int t = 0; t < seq; t++) {
        if (m[i * seq + t] == 0) {
          continue;
        }
        count++;
        for (int d = 0; d < dim; d++) {
          out[i][d] += h[(i * seq + t) * dim + d];
        }
      }
      double norm = 0;
      for (int d = 0; d < dim; d++) {
        out[i][d] /= Math.max(1, count);
        norm += out[i][d] * out[i][d];
      }
      float inv = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
      for (int d = 0; d < dim; d++) {
        out[i][d] *= inv;
      }
    }
    return out;
  }
}
