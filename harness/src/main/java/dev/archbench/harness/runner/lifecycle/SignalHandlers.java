package dev.archbench.harness.runner.lifecycle;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * SIGINT and SIGTERM become an {@link Interruption} instead of an immediate exit, so the record is
 * flushed and marked {@code interrupted} first; the previous handlers come back on {@link #close()}.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, present in every JDK since 9), through
 * reflection so that the build has no proprietary-API warnings and a JVM without it (or with
 * {@code -Xrs}) simply keeps the default behaviour. A shutdown hook could neither choose the exit
 * code nor wait for the benchmark JVMs to die.
 */
public final class SignalHandlers implements AutoCloseable {
  private final List<Runnable> restore = new ArrayList<>();

  public SignalHandlers(Interruption interruption) {
    install("INT", Interruption.Reason.SIGINT, interruption);
    install("TERM", Interruption.Reason.SIGTERM, interruption);
  }

  private void install(String name, Interruption.Reason reason, Interruption interruption) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object signal = signalType.getConstructor(String.class).newInstance(name);
      Method handle = signalType.getMethod("handle", signalType, handlerType);
      Object ours = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              interruption.request(reason, null);
              return null;
            }
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "archbench " + name + " handler";
            };
          });
      Object previous = handle.invoke(null, signal, ours);
      restore.add(() -> {
        try {
          handle.invoke(null, signal, previous);
        } catch (ReflectiveOperationException e) {
          // restoring is best effort; the JVM is about to exit anyway
        }
      });
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // no sun.misc.Signal, or the signal is reserved here (-Xrs): keep the JVM's default behaviour
    }
  }

  @Override
  public void close() {
    restore.forEach(Runnable::run);
  }
}
