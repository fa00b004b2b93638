package dev.archbench.workloads.inference.model;

import dev.archbench.workloads.inference.onnx.OnnxGraph.Tensor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes float32 tensors as a NumPy {@code .npz} (a zip of {@code .npy} v1.0 files) for the exporter. */
public final class NpzWriter {
  private NpzWriter() {}

  public static void write(Path file, Collection<Tensor> tensors) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.setLevel(0);
      for (Tensor t : tensors) {
        ZipEntry e = new ZipEntry(t.name() + ".npy");
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(header(t.shape()));
        ByteBuffer buf = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(t.data());
        zip.write(buf.array());
        zip.closeEntry();
      }
    }
  }

  static byte[] header(long[] shape) {
    StringBuilder dims = new StringBuilder("(");
    for (long d : shape) {
      dims.append(d).append(", ");
    }
    if (shape.length > 1) {
      dims.setLength(dims.length() - 2);
    } else if (shape.length == 1) {
      dims.setLength(dims.length() - 1);
    }
    dims.append(')');
    StringBuilder dict = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
        .append(dims).append(", }");
    // magic(6) + version(2) + length(2) + dict + padding + '\n' is a multiple of 64.
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    dict.append(" ".repeat(pad)).append('\n');
    byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(10 + text.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
    b.putShort((short) text.length).put(text);
    return b.array();
  }
}
