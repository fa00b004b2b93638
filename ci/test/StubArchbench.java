import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Stands in for archbench.jar where the user-data test needs a run that does not end by itself:
 * STUB_ARCHBENCH_MODE=hang ignores SIGTERM (a hung run: only the time limit's SIGKILL ends it);
 * STUB_ARCHBENCH_MODE=interruptible writes a partial record into --out on SIGTERM and exits 143, as
 * `archbench run` does; STUB_ARCHBENCH_MODE=env prints its arguments and the DJL environment it was
 * handed (what the accelerator setup passes on) and exits 0. All touch STUB_ARCHBENCH_STARTED once
 * running. The normal path of the test uses the real archbench.jar.
 */
public final class StubArchbench {
  public static void main(String[] args) throws Exception {
    List<String> argv = Arrays.asList(args);
    Path out = Path.of(argv.get(argv.indexOf("--out") + 1));
    String mode = System.getenv().getOrDefault("STUB_ARCHBENCH_MODE", "hang");
    if (mode.equals("env")) {
      System.out.println("stub archbench env: args=" + argv);
      for (String name : List.of("PYTORCH_LIBRARY_PATH", "PYTORCH_VERSION", "PYTORCH_FLAVOR", "DJL_OFFLINE")) {
        System.out.println("stub archbench env: " + name + "=" + System.getenv().getOrDefault(name, "<unset>"));
      }
      Files.writeString(Path.of(System.getenv("STUB_ARCHBENCH_STARTED")), mode);
      return;
    }
    if (mode.equals("hang")) {
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sun.misc.SignalHandler.SIG_IGN);
    } else {
      sun.misc.Signal.handle(new sun.misc.Signal("TERM"), sig -> {
        try {
          Files.createDirectories(out);
          Files.writeString(out.resolve("00000000-0000-4000-8000-000000000001.json"),
              "{\"schemaVersion\":2,\"run\":{\"status\":\"interrupted\"},\"results\":[]}\n");
        } catch (Exception e) {
          e.printStackTrace();
        }
        Runtime.getRuntime().halt(143);
      });
    }
    System.out.println("stub archbench " + mode + ": " + argv);
    Files.writeString(Path.of(System.getenv("STUB_ARCHBENCH_STARTED")), mode);
    Thread.sleep(Long.MAX_VALUE);
  }
}
