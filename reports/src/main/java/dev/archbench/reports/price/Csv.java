package dev.archbench.reports.price;

import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 CSV: split one line, quote one field. */
public final class Csv {
  private Csv() {}

  /** Splits a line into fields; quoted fields may contain commas and doubled quotes. */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted field");
    }
    out.add(field.toString());
    return out;
  }

  /**
   * Quotes a field when needed. Fields starting with a formula character are prefixed with an
   * apostrophe so that spreadsheets do not execute record content.
   */
  public static String field(String s) {
    if (s == null) {
      return "";
    }
    String v = s;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
