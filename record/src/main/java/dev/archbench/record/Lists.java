package dev.archbench.record;

import java.util.ArrayList;
import java.util.List;

/** List helpers for merging forks' parts, where either side may be absent. */
public final class Lists {
  private Lists() {}

  /** {@code a}'s elements then {@code b}'s, a null list counting as empty; a new, changeable list. */
  public static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>();
    if (a != null) {
      out.addAll(a);
    }
    if (b != null) {
      out.addAll(b);
    }
    return out;
  }
}
