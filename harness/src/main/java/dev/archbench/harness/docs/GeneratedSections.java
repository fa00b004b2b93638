package dev.archbench.harness.docs;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regenerates the parts of a Markdown file that come from code, between
 * {@code <!-- BEGIN generated:NAME -->} and {@code <!-- END generated:NAME -->}, so that tables of
 * workloads and options never drift from what the code says (as Renaissance does with {@code --readme}).
 */
public final class GeneratedSections {
  private static final Pattern SECTION = Pattern.compile(
      "(<!-- BEGIN generated:([a-z0-9-]+) -->\\n)(.*?)(<!-- END generated:\\2 -->)", Pattern.DOTALL);

  private GeneratedSections() {}

  /**
   * Returns {@code text} with every generated section replaced by its current content.
   *
   * @throws IllegalArgumentException naming a section the text has but no generator knows
   */
  public static String regenerate(String text, Map<String, String> contents) {
    Matcher m = SECTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String content = contents.get(name);
      if (content == null) {
        throw new IllegalArgumentException("unknown generated section '" + name + "'");
      }
      String body = content.endsWith("\n") ? content : content + "\n";
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + body + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
