package dev.archbench.workloads.inference.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few protobuf wire-format primitives an ONNX file needs (varints, length-delimited fields,
 * fixed32 floats). Writing them ourselves keeps protobuf-java and its version conflicts out of the
 * benchmark class path; field order is fixed by the caller, so output is byte-for-byte deterministic.
 */
final class ProtoWriter {
  private final ByteArrayOutputStream out;

  ProtoWriter() {
    this(256);
  }

  ProtoWriter(int initialCapacity) {
    out = new ByteArrayOutputStream(initialCapacity);
  }

  ProtoWriter varint(int field, long value) {
    tag(field, 0);
    rawVarint(value);
    return this;
  }

  ProtoWriter fixed32Float(int field, float value) {
    tag(field, 5);
    int bits = Float.floatToIntBits(value);
    for (int i = 0; i < 4; i++) {
      out.write((bits >>> (8 * i)) & 0xff);
    }
    return this;
  }

  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter bytes(int field, byte[] value) {
    tag(field, 2);
    rawVarint(value.length);
    out.write(value, 0, value.length);
    return this;
  }

  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  private void rawVarint(long value) {
    while ((value & ~0x7fL) != 0) {
      out.write((int) ((value & 0x7f) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
