package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of several variants of the same benchmarks on one host ({@code archbench run --variant
 * NAME='OPTIONS' ...}): what differed between them and how their forks were paired. For each
 * benchmark, every round ran one fork of every variant back to back (or, with {@code --duet}, at the
 * same time on disjoint CPUs) in a seeded random order, so that a slow drift of the machine falls on
 * both sides of each pair. Each variant's forks are an ordinary result in {@code results}, under the
 * key {@link #resultKey}; the rounds say which of its forks ran together.
 *
 * @param seed the seed of the round orders (they can be replayed from it, and are recorded as well)
 * @param threshold the smallest change the run's stopping rule and {@code compare} care about, as a
 *     fraction (0.05 is 5%)
 * @param duet how the forks of a round ran at the same time, or {@code null} when they ran one
 *     after another
 * @param variants in the order given; the first is the baseline every other one is compared with
 * @param benchmarks per benchmark (plan key), its rounds
 */
public record VariantRun(long seed, Double threshold, Duet duet, List<Variant> variants, List<Pairing> benchmarks) {

  /** Separates a benchmark's key from its variant's name in a result key. */
  public static final String KEY_SEPARATOR = "#";

  public VariantRun {
    variants = List.copyOf(variants);
    benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
  }

  /**
   * One variant: its name and the run options it sets. Options it leaves out are the run's shared
   * ones.
   *
   * @param options the options as typed ({@code --variant NAME='OPTIONS'}), for people
   * @param jmhJar {@code --jmh-jar}: the user's benchmark jar (absolute), or {@code null}
   * @param jmhClasspath {@code --jmh-classpath}, or {@code null}
   * @param jvm {@code --jvm}: the {@code java} of the benchmark JVMs, or {@code null}
   * @param jvmArgs {@code --jvm-args} as typed, or {@code null}
   */
  public record Variant(String name, String options, String jmhJar, String jmhClasspath, String jvm,
      String jvmArgs) {
    public Variant {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * The forks of a round ran at the same time, each on its own CPUs.
   *
   * @param method how they were pinned: {@code taskset} (util-linux, the CPU affinity of the process and
   *     every thread and child it starts)
   * @param cpus per variant, in the order of {@code variants}, the CPU list its forks ran on
   *     ({@code taskset -c} syntax, e.g. {@code 0-3})
   */
  public record Duet(String method, List<String> cpus) {
    public Duet {
      cpus = List.copyOf(cpus);
    }
  }

  /** One benchmark's rounds, in the order they ran; only rounds in which every variant's fork ended. */
  public record Pairing(String benchmark, List<Round> rounds) {
    public Pairing {
      rounds = List.copyOf(rounds);
    }
  }

  /** One fork of every variant, in the order they ran (started, with {@code duet}). */
  public record Round(List<RoundFork> forks) {
    public Round {
      forks = List.copyOf(forks);
    }

    /** The fork of {@code variant} in this round, or -1. */
    public int forkOf(String variant) {
      for (RoundFork f : forks) {
        if (f.variant().equals(variant)) {
          return f.fork();
        }
      }
      return -1;
    }
  }

  /**
   * @param fork index (from 0) into the variant's result's {@code forkRuns}
   */
  public record RoundFork(String variant, int fork) {}

  /** The baseline: the first variant. */
  @JsonIgnore
  public Variant baseline() {
    return variants.get(0);
  }

  /** The result key of {@code variant}'s forks of the benchmark {@code benchmarkKey}. */
  public static String resultKey(String benchmarkKey, String variant) {
    return benchmarkKey + KEY_SEPARATOR + variant;
  }

  /** The variant of a result key written by {@link #resultKey}, or null for a key without one. */
  public static String variantOf(String resultKey) {
    int at = resultKey.lastIndexOf(KEY_SEPARATOR);
    return at < 0 || resultKey.indexOf('@', at) >= 0 ? null : resultKey.substring(at + 1);
  }

  /** The variant names, in order. */
  @JsonIgnore
  public List<String> names() {
    return variants.stream().map(Variant::name).toList();
  }

  /** The rounds of {@code benchmarkKey} (empty when none ended). */
  public List<Round> roundsOf(String benchmarkKey) {
    for (Pairing p : benchmarks) {
      if (p.benchmark().equals(benchmarkKey)) {
        return p.rounds();
      }
    }
    return List.of();
  }

  /** A copy with {@code rounds} as the rounds of {@code benchmarkKey} (in place, or added last). */
  public VariantRun withRounds(String benchmarkKey, List<Round> rounds) {
    List<Pairing> next = new ArrayList<>(benchmarks.size() + 1);
    boolean replaced = false;
    for (Pairing p : benchmarks) {
      if (p.benchmark().equals(benchmarkKey)) {
        next.add(new Pairing(benchmarkKey, rounds));
        replaced = true;
      } else {
        next.add(p);
      }
    }
    if (!replaced) {
      next.add(new Pairing(benchmarkKey, rounds));
    }
    return new VariantRun(seed, threshold, duet, variants, next);
  }
}
