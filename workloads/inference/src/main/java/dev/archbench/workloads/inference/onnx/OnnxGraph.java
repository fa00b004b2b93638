package dev.archbench.workloads.inference.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an ONNX model (opset 13) node by node and serializes it. Initializers keep their insertion
 * order and their names are PyTorch {@code state_dict} keys, so the same weights can be handed to the
 * TorchScript exporter as an {@code .npz} and both engines run identical parameters.
 */
public final class OnnxGraph {
  /** ONNX TensorProto.DataType values. */
  public static final int FLOAT = 1;
  public static final int INT64 = 7;

  private static final int IR_VERSION = 8;
  private static final int OPSET = 13;

  /** A float tensor in row-major order. */
  public record Tensor(String name, long[] shape, float[] data) {}

  private record Node(String opType, List<String> inputs, String output, List<ProtoWriter> attrs) {}

  private record Io(String name, int elemType, Object[] dims) {}

  private final String name;
  private final Map<String, Tensor> initializers = new LinkedHashMap<>();
  private final java.util.Set<String> constants = new java.util.HashSet<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Io> inputs = new ArrayList<>();
  private final List<Io> outputs = new ArrayList<>();
  private int counter;

  public OnnxGraph(String name) {
    this.name = name;
  }

  /** Declares a graph input; dims are {@code Long} (fixed) or {@code String} (symbolic, e.g. batch). */
  public String input(String name, int elemType, Object... dims) {
    inputs.add(new Io(name, elemType, dims));
    return name;
  }

  public void output(String name, int elemType, Object... dims) {
    outputs.add(new Io(name, elemType, dims));
  }

  public String initializer(String name, long[] shape, float[] data) {
    if (initializers.putIfAbsent(name, new Tensor(name, shape, data)) != null) {
      throw new IllegalArgumentException("duplicate initializer " + name);
    }
    return name;
  }

  public boolean has(String name) {
    return initializers.containsKey(name);
  }

  /** A constant that is part of the graph but not a model parameter (e.g. Clip bounds). */
  public String constant(String name, long[] shape, float[] data) {
    constants.add(name);
    return initializer(name, shape, data);
  }

  /** The model's parameters by PyTorch {@code state_dict} key, in insertion order. */
  public Map<String, Tensor> parameters() {
    Map<String, Tensor> p = new LinkedHashMap<>(initializers);
    p.keySet().removeAll(constants);
    return p;
  }

  /** Adds a node; returns its (generated) output name. */
  public String node(String opType, List<String> in, Attr... attrs) {
    return nodeNamed(opType + "_" + (counter++), opType, in, attrs);
  }

  /** Adds a node whose output has the given name (e.g. a graph output). */
  public String nodeNamed(String output, String opType, List<String> in, Attr... attrs) {
    List<ProtoWriter> a = new ArrayList<>();
    for (Attr attr : attrs) {
      a.add(attr.proto);
    }
    nodes.add(new Node(opType, List.copyOf(in), output, a));
    return output;
  }

  /** A node attribute. */
  public static final class Attr {
    final ProtoWriter proto;

    private Attr(ProtoWriter proto) {
      this.proto = proto;
    }

    public static Attr ints(String name, long... values) {
      ProtoWriter p = new ProtoWriter().string(1, name);
      for (long v : values) {
        p.varint(8, v);
      }
      return new Attr(p.varint(20, 7));
    }

    public static Attr i(String name, long value) {
      return new Attr(new ProtoWriter().string(1, name).varint(3, value).varint(20, 2));
    }

    public static Attr f(String name, float value) {
      return new Attr(new ProtoWriter().string(1, name).fixed32Float(2, value).varint(20, 1));
    }
  }

  /** Serializes the model as an ONNX ModelProto. */
  public byte[] toBytes() {
    long bytes = 0;
    for (Tensor t : initializers.values()) {
      bytes += 4L * t.data().length;
    }
    ProtoWriter graph = new ProtoWriter((int) Math.min(Integer.MAX_VALUE - 64, bytes + (1 << 20)));
    int i = 0;
    for (Node n : nodes) {
      ProtoWriter node = new ProtoWriter();
      for (String in : n.inputs()) {
        node.string(1, in);
      }
      node.string(2, n.output()).string(3, "n" + (i++)).string(4, n.opType());
      for (ProtoWriter a : n.attrs()) {
        node.message(5, a);
      }
      graph.message(1, node);
    }
    graph.string(2, name);
    for (Tensor t : initializers.values()) {
      graph.message(5, tensor(t));
    }
    for (Io io : inputs) {
      graph.message(11, valueInfo(io));
    }
    for (Io io : outputs) {
      graph.message(12, valueInfo(io));
    }
    ProtoWriter model = new ProtoWriter(graph.toByteArray().length + 256);
    model.varint(1, IR_VERSION)
        .string(2, "archbench")
        .string(3, "1")
        .message(7, graph)
        .message(8, new ProtoWriter().string(1, "").varint(2, OPSET));
    return model.toByteArray();
  }

  private static ProtoWriter tensor(Tensor t) {
    ProtoWriter p = new ProtoWriter(t.data().length * 4 + 64);
    for (long d : t.shape()) {
      p.varint(1, d);
    }
    p.varint(2, FLOAT).string(8, t.name());
    ByteBuffer buf = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(t.data());
    return p.bytes(9, buf.array());
  }

  private static ProtoWriter valueInfo(Io io) {
    ProtoWriter shape = new ProtoWriter();
    for (Object d : io.dims()) {
      ProtoWriter dim = new ProtoWriter();
      if (d instanceof String s) {
        dim.string(2, s);
      } else {
        dim.varint(1, ((Number) d).longValue());
      }
      shape.message(1, dim);
    }
    ProtoWriter tensorType = new ProtoWriter().varint(1, io.elemType()).message(2, shape);
    return new ProtoWriter().string(1, io.name()).message(2, new ProtoWriter().message(1, tensorType));
  }
}
