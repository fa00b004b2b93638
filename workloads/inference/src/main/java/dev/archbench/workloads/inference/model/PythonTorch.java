package dev.archbench.workloads.inference.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Python interpreter with torch (and torchvision) that can export TorchScript. {@code --python}
 * chooses it; otherwise {@code /usr/bin/python3}, the one Debian's python3-torch serves.
 */
public final class PythonTorch {
  public static final String DEFAULT_PYTHON = "/usr/bin/python3";
  private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

  private final String python;
  private final String torchVersion;

  private PythonTorch(String python, String torchVersion) {
    this.python = python;
    this.torchVersion = torchVersion;
  }

  public String python() {
    return python;
  }

  public String torchVersion() {
    return torchVersion;
  }

  /** The Python to use: the option's value, else the default. */
  public static String choose(Optional<String> option) {
    return option.orElse(DEFAULT_PYTHON);
  }

  /** Finds torch in the given Python, or explains why it cannot be used. */
  public static Result find(String python) {
    if (!Files.isExecutable(Path.of(python))) {
      return new Result(null, "no Python at " + python + " (use --python PATH to a Python with torch)");
    }
    Optional<String> v = PROBED.computeIfAbsent(python, PythonTorch::probe);
    return v.map(version -> new Result(new PythonTorch(python, version), null))
        .orElseGet(() -> new Result(null, "no torch/torchvision in " + python
            + " (install python3-torch python3-torchvision or use --python PATH)"));
  }

  /** Either a usable Python or the reason there is none. */
  public record Result(PythonTorch python, String reason) {
    public Optional<PythonTorch> get() {
      return Optional.ofNullable(python);
    }
  }

  private static Optional<String> probe(String python) {
    try {
      // Warnings on stderr are discarded, not left in a pipe: 64 KB of them would block the probe.
      Process p = new ProcessBuilder(python, "-c", "import torch, torchvision; print(torch.__version__)")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out.lines().reduce((a, b) -> b).get())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Runs a command with this Python; returns its stdout or throws with its stderr's tail. */
  public String run(List<String> args, Path workingDir, Map<String, String> env, long timeoutSeconds)
      throws IOException {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(python);
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workingDir.toFile());
    pb.environment().putAll(env);
    Path err = Files.createTempFile("archbench-python", ".err");
    // Output to a file, not a pipe read to its end first: the timeout must hold for a Python that hangs.
    Path stdout = Files.createTempFile("archbench-python", ".out");
    pb.redirectError(err.toFile()).redirectOutput(stdout.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IOException(python + " timed out after " + timeoutSeconds + " s");
      }
      String out = new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        throw new IOException("TorchScript export failed (exit " + p.exitValue() + "): " + tail);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(err);
      Files.deleteIfExists(stdout);
    }
  }
}
