package dev.archbench.harness.runner;

import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.record.Host;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the runner takes from the world: the host fingerprint, where /sys and /proc are, the
 * environment, the two output streams, whether stdout is a terminal, the clock, and whether to
 * handle SIGINT/SIGTERM (off when tests run the command inside their own JVM).
 */
public record RunEnvironment(
    Supplier<Host> host, HostRoots roots, Map<String, String> env, PrintWriter out, PrintWriter err,
    boolean console, LongSupplier nanoTime, boolean handleSignals) {}
