package dev.archbench.harness.runner;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM become an {@link Interruption} instead of an immediate exit, so the record is
 * flushed and marked {@code interrupted} first. The previous handlers come back on {@link #close()}.
 * ({@code sun.misc.Signal} is the JDK's supported-but-unofficial way; a shutdown hook could not
 * choose the exit code or wait for the forks to die.)
 */
final class SignalHandlers implements AutoCloseable {
  private final List<Runnable> restore = new ArrayList<>();

  SignalHandlers(Interruption interruption) {
    install("INT", Interruption.Reason.SIGINT, interruption);
    install("TERM", Interruption.Reason.SIGTERM, interruption);
  }

  private void install(String name, Interruption.Reason reason, Interruption interruption) {
    try {
      Signal signal = new Signal(name);
      SignalHandler previous = Signal.handle(signal, s -> interruption.request(reason, null));
      restore.add(() -> Signal.handle(signal, previous));
    } catch (IllegalArgumentException e) {
      // the signal is not available here (e.g. -Xrs): keep the default behaviour
    }
  }

  @Override
  public void close() {
    restore.forEach(Runnable::run);
  }
}
