package dev.archbench.reports.format.html;

/**
 * The HTML report's one style sheet, inline (the Content Security Policy allows inline styles and
 * nothing else): responsive (tables scroll, charts scale) and printable.
 */
final class HtmlStyle {
  static final String CSS = """
      :root{--fg:#1d2327;--muted:#5f6b76;--line:#d5dbe1;--bg:#fff;--warn:#fff4e0;--warnline:#f0a020}
      *{box-sizing:border-box}
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1120px;padding:16px;overflow-wrap:break-word}
      h1{font-size:1.6em;margin:.2em 0;overflow-wrap:anywhere}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:1.2em 0 .4em;overflow-wrap:anywhere}
      .meta{color:var(--muted);margin:.2em 0;overflow-wrap:anywhere}
      nav ul{display:flex;flex-wrap:wrap;gap:.3em 1em;padding:0;list-style:none}
      .banner{background:var(--warn);border-left:4px solid var(--warnline);padding:.6em .8em;margin:.8em 0}
      #decision{border:1px solid var(--line);border-radius:6px;padding:.2em 1em .6em;margin:1em 0}
      #decision h2{margin-top:.5em}ul.decision{padding-left:1.2em}ul.decision li{margin:.35em 0;overflow-wrap:anywhere}
      code{background:#f4f6f8;padding:0 .25em;border-radius:3px;overflow-wrap:anywhere;font-size:.92em}
      .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
      table{border-collapse:collapse;width:100%;font-size:.9em;margin:.4em 0 1em}
      th,td{border-bottom:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top}
      th{background:#f4f6f8;font-weight:600}
      td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
      .ci{color:var(--muted);font-size:.85em}
      .tag{display:inline-block;border-radius:3px;padding:0 .35em;font-size:.8em;background:#eef1f4}
      .noisy{background:#ffe3b3}.better{background:#d3f9d8}.worse{background:#ffe3e3}.nsd{background:#eef1f4}
      figure{margin:.6em 0 1.2em;overflow-x:auto;max-width:100%}
      figcaption{font-weight:600;margin:.2em 0 .3em;overflow-wrap:anywhere}
      svg.chart{width:100%;height:auto;max-width:760px;min-width:440px;display:block;font-size:13px}
      svg .tick,svg .unit{fill:#5f6b76;font-size:12px}svg .fl{font-weight:600}
      svg .err{stroke:#222;stroke-width:1.3;fill:none}svg .axis{stroke:#888;fill:none}
      svg .grid{stroke:#e6e9ec;fill:none}svg .line{fill:none;stroke-width:2}svg .search{fill:none;stroke-width:1.2;stroke-opacity:.45}svg .ref{stroke:#555;stroke-dasharray:4 3;fill:none}
      svg .bv{font-size:12px}
      details{margin:.4em 0 1em}summary{cursor:pointer;font-weight:600;color:#1f4e79}
      ul.problems li{margin:.2em 0}
      footer{color:var(--muted);font-size:.85em;margin-top:2em;border-top:1px solid var(--line);padding-top:.6em}
      @media (max-width:640px){body{font-size:14px;padding:10px}svg.chart{min-width:0}th,td{padding:.25em .3em}h1{font-size:1.3em}#decision{padding:.1em .6em .4em}}
      @media print{body{max-width:none;padding:0;font-size:10.5pt}nav{display:none}.scroll,figure{overflow:visible}svg.chart{min-width:0;max-width:16cm}
      details::details-content{content-visibility:visible;display:block}summary{color:inherit}
      table{font-size:8.5pt}figure,tr{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}
      .banner,#decision{border:1px solid #000}}
      """;

  private HtmlStyle() {}
}
