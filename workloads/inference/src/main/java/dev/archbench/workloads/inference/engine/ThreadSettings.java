package dev.archbench.workloads.inference.engine;

/**
 * Engine threading per predictor. ONNX Runtime takes these per session; PyTorch per process (set
 * before the engine loads), so concurrent PyTorch predictors share one intra-op pool.
 */
public record ThreadSettings(int intraOp, int interOp) {
  public ThreadSettings {
    if (intraOp < 1 || interOp < 1) {
      throw new IllegalArgumentException("thread counts must be at least 1");
    }
  }

  /** Splits the CPUs between concurrent predictors, one inter-op thread each. */
  public static ThreadSettings split(int cpus, int predictors) {
    return new ThreadSettings(Math.max(1, cpus / Math.max(1, predictors)), 1);
  }

  @Override
  public String toString() {
    return "intraOp=" + intraOp + ",interOp=" + interOp;
  }
}
