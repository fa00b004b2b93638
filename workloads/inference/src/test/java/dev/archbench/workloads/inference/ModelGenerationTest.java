package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import dev.archbench.workloads.inference.model.NpzWriter;
import dev.archbench.workloads.inference.onnx.OnnxGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGenerationTest {

  static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void generationIsDeterministicAndPinned() throws Exception {
    byte[] a = ModelKind.MLP.generate().toBytes();
    byte[] b = ModelKind.MLP.generate().toBytes();
    assertThat(sha(a)).isEqualTo(sha(b)).isEqualTo(SelfCheck.MLP_SHA256);
    assertThat(sha(ModelKind.MOBILENETV2.generate().toBytes()))
        .isEqualTo(sha(ModelKind.MOBILENETV2.generate().toBytes()));
  }

  /** Learnable parameter counts as torchvision reports them prove the architectures match. */
  @Test
  void parameterCountsMatchTorchvision() {
    assertThat(learnable(ModelKind.RESNET50.generate())).isEqualTo(25_557_032L);
    assertThat(learnable(ModelKind.MOBILENETV2.generate())).isEqualTo(3_504_872L);
    assertThat(learnable(ModelKind.MLP.generate())).isEqualTo(64 * 256 + 256 + 256 * 128 + 128 + 128 + 1);
  }

  private static long learnable(OnnxGraph g) {
    return g.parameters().values().stream().filter(t -> !t.name().contains("running_"))
        .mapToLong(t -> t.data().length).sum();
  }

  @Test
  void storeCachesFilesAndChecksumsThem(@TempDir Path dir) throws Exception {
    ModelStore store = new ModelStore(dir);
    var first = store.onnx(ModelKind.MLP);
    long modified = Files.getLastModifiedTime(first.path()).toMillis();
    var second = store.onnx(ModelKind.MLP);
    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(second.path()).toMillis()).isEqualTo(modified);
    assertThat(first.sha256()).isEqualTo(SelfCheck.MLP_SHA256);
  }

  @Test
  void npzHasAlignedNumpyHeaders(@TempDir Path dir) throws Exception {
    Path npz = dir.resolve("w.npz");
    NpzWriter.write(npz, ModelKind.MLP.generate().parameters().values());
    try (ZipFile z = new ZipFile(npz.toFile())) {
      assertThat(z.stream().map(e -> e.getName()).toList())
          .isEqualTo(List.of("0.weight.npy", "0.bias.npy", "2.weight.npy", "2.bias.npy", "4.weight.npy", "4.bias.npy"));
      byte[] head = z.getInputStream(z.getEntry("0.weight.npy")).readNBytes(128);
      int len = (head[8] & 0xff) | (head[9] & 0xff) << 8;
      assertThat((10 + len) % 64).isZero();
      String dict = new String(head, 10, len, java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(dict).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (256, 64), }").endsWith("\n");
      assertThat(z.getEntry("0.weight.npy").getSize()).isEqualTo(10 + len + 256 * 64 * 4L);
    }
  }
}
