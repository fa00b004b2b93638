package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.parse.CpuInfo;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog of host paths and its readers, pointed at the fixture trees. */
class HostFilesTest {
  @TempDir Path empty;

  /** Every file of every fixture tree is one the catalog names or lies in a directory it names. */
  @Test
  void everyFixtureFileIsUnderACatalogPath() throws IOException, ReflectiveOperationException {
    Path trees = Fixtures.dir("c7g.xlarge").getParent();
    List<Path> roots;
    try (Stream<Path> s = Files.list(trees)) {
      roots = s.filter(Files::isDirectory).toList();
    }
    assertThat(roots).hasSizeGreaterThanOrEqualTo(9);
    for (Path root : roots) {
      List<Path> catalog = catalog(new HostPaths(HostRoots.under(root)));
      try (Stream<Path> s = Files.walk(root)) {
        for (Path file : s.filter(Files::isRegularFile).filter(f -> !f.endsWith(".gitkeep")).toList()) {
          assertThat(catalog).as(trees.relativize(file).toString()).anyMatch(file::startsWith);
        }
      }
    }
  }

  @Test
  void readersAnswerFromAFixtureTree() {
    HostFiles c7g = new HostFiles(Fixtures.roots("c7g.xlarge"));
    assertThat(c7g.cpuInfo().processors()).isEqualTo(4);
    assertThat(c7g.onlineCpus()).containsExactly(0, 1, 2, 3);
    assertThat(c7g.memTotal()).isEqualTo(7939876L * 1024);
    assertThat(c7g.kernelRelease()).contains("6.1.115-126.197.amzn2023.aarch64");
    assertThat(c7g.osRelease()).containsEntry("NAME", "Amazon Linux");
    assertThat(c7g.selfCgroup()).isEqualTo("0::/user.slice/user-1000.slice/session-3.scope\n");
    assertThat(c7g.availableClocksources()).contains("arch_sys_counter");
    assertThat(new HostFiles(Fixtures.roots("g4dn.xlarge")).nvidiaDriverVersion()).contains("535.183.01");
    assertThat(new HostFiles(Fixtures.roots("inf2.xlarge")).neuronDriverVersion()).contains("2.19.64.0");
  }

  @Test
  void anEmptyTreeAnswersNothingAndThrowsNothing() {
    HostFiles none = new HostFiles(HostRoots.under(empty.resolve("absent")));
    assertThat(none.cpuInfo()).isEqualTo(CpuInfo.EMPTY);
    assertThat(none.onlineCpus()).isEmpty();
    assertThat(none.memTotal()).isNull();
    assertThat(none.loadAverage()).isEmpty();
    assertThat(none.selfCgroup()).isEmpty();
    assertThat(none.kernelRelease()).isEmpty();
    assertThat(none.osRelease()).isEmpty();
    assertThat(none.availableClocksources()).isEmpty();
    assertThat(none.transparentHugePages()).isEmpty();
    assertThat(none.nvidiaDriverVersion()).isEmpty();
    assertThat(none.neuronDriverVersion()).isEmpty();
    assertThat(none.names(none.paths().cpus())).isEmpty();
    assertThat(PowerSupply.readAll(none)).isEmpty();
    assertThat(CpuSource.scalingGovernors(none)).isEmpty();
  }

  @Test
  void powerSuppliesAndGovernorsAreReadPerDirectory() throws IOException {
    write("sys/class/power_supply/AC/type", "Mains\n");
    write("sys/class/power_supply/AC/online", "1\n");
    write("sys/class/power_supply/BAT0/type", "Battery\n");
    write("sys/class/power_supply/BAT0/status", "Charging\n");
    write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
    write("sys/devices/system/cpu/cpu1/cpufreq/scaling_governor", "powersave\n");
    write("sys/devices/system/cpu/cpufreq/policy0/scaling_governor", "ignored: not a CPU\n");
    HostFiles files = new HostFiles(HostRoots.under(empty));
    assertThat(PowerSupply.readAll(files)).containsExactly(
        new PowerSupply("AC", "Mains", true, ""), new PowerSupply("BAT0", "Battery", false, "Charging"));
    assertThat(CpuSource.scalingGovernors(files)).containsExactly("performance", "powersave");
  }

  /** Every path the catalog names (its public methods without arguments). */
  private static List<Path> catalog(HostPaths paths) throws ReflectiveOperationException {
    List<Path> out = new ArrayList<>();
    for (Method m : HostPaths.class.getMethods()) {
      if (m.getReturnType() == Path.class && m.getParameterCount() == 0) {
        try {
          out.add((Path) m.invoke(paths));
        } catch (InvocationTargetException e) {
          throw new AssertionError(m.getName(), e.getCause());
        }
      }
    }
    return out;
  }

  private void write(String rel, String content) throws IOException {
    Path p = empty.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }
}
