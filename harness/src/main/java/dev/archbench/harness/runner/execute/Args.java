package dev.archbench.harness.runner.execute;

import java.util.ArrayList;
import java.util.List;

/** Splits an option value such as {@code --jvm-args "-Xmx2g -Dx='a b'"} into arguments, shell-like. */
public final class Args {
  private Args() {}

  /** Whitespace separates; single or double quotes group; a backslash escapes the next character. */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    if (line == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean inToken = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
          cur.append(line.charAt(++i));
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inToken = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
        inToken = true;
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          out.add(cur.toString());
          cur.setLength(0);
          inToken = false;
        }
      } else {
        cur.append(c);
        inToken = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unbalanced quote in '" + line + "'");
    }
    if (inToken) {
      out.add(cur.toString());
    }
    return out;
  }
}
