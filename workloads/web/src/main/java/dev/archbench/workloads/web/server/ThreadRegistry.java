package dev.archbench.workloads.web.server;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * The threads of one side (server or load generator), so that their CPU time can be told apart when
 * both share the host. Threads come from Netty's factory (fast thread-locals) and are remembered.
 */
public final class ThreadRegistry {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final String prefix;

  public ThreadRegistry(String prefix) {
    this.prefix = prefix;
    if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
      THREADS.setThreadCpuTimeEnabled(true);
    }
  }

  public ThreadFactory factory(String role) {
    ThreadFactory delegate = new DefaultThreadFactory(prefix + "-" + role, true);
    return r -> {
      Thread t = delegate.newThread(r);
      threads.add(t);
      return t;
    };
  }

  /** CPU time of all live threads of this side in nanoseconds, or -1 when the JVM cannot tell. */
  public long cpuNanos() {
    if (!THREADS.isThreadCpuTimeSupported()) {
      return -1;
    }
    long sum = 0;
    for (Thread t : threads) {
      long n = THREADS.getThreadCpuTime(t.getId());
      if (n > 0) {
        sum += n;
      }
    }
    return sum;
  }
}
