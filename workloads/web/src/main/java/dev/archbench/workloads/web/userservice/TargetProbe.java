package dev.archbench.workloads.web.userservice;

import dev.archbench.workloads.web.load.HttpProbe;
import dev.archbench.workloads.web.load.LoadTarget;
import dev.archbench.workloads.web.server.Transport;

/**
 * The check before any load (in archbench's own process, so that bad input stops the run before
 * anything runs) and again in the scenario's JVM: the service answers the request with the expected
 * status. Every answer under load is then checked for the same status.
 */
public final class TargetProbe {
  private TargetProbe() {}

  /** Where the load generator connects for {@code request}: plain HTTP, native transport where it loads. */
  public static LoadTarget loadTarget(TargetRequest request) {
    return new LoadTarget(request.address(), null, Transport.select(true));
  }

  /** Throws an IllegalStateException with one line when the service is unreachable or answers otherwise. */
  public static void check(TargetRequest request) {
    HttpProbe.Answer a;
    try {
      a = HttpProbe.send(loadTarget(request), request.bytes());
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw new IllegalStateException("--target " + request.url() + ": no answer to " + request.describe() + " ("
          + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()) + ")");
    }
    if (a.status() != request.expectedStatus()) {
      throw new IllegalStateException("--target " + request.url() + ": " + request.describe() + " answered status "
          + a.status() + ", expected " + request.expectedStatus() + " (--target-status)");
    }
  }
}
