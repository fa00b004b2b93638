package dev.archbench.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.archbench.record.Json;
import java.util.List;

/**
 * Measures a report page's layout in the browser: a script, added to a test copy of the page (the
 * report itself has none and its CSP forbids scripts, so the copy drops the CSP), opens every
 * {@code <details>} and lists what does not fit: a page wider than the viewport, an element outside
 * its container or with content wider than itself (except inside a scroll box, where that is what
 * scrolling is for), and SVG text outside its chart's viewBox. The list comes back in the dumped DOM.
 */
final class LayoutCheck {
  private static final String SCRIPT = """
      <script>(function(){
      document.querySelectorAll('details').forEach(function(d){d.open=true;});
      var bad=[];
      var de=document.documentElement, vw=de.clientWidth;
      if(de.scrollWidth>vw+1){bad.push('page is '+de.scrollWidth+' px wide in a '+vw+' px viewport');}
      function scrolls(e){var o=getComputedStyle(e).overflowX;return o==='auto'||o==='scroll'||o==='hidden';}
      function name(e){var t=(e.textContent||'').trim().replace(/\\s+/g,' ').slice(0,50);
        return e.tagName.toLowerCase()+(e.id?'#'+e.id:'')+(typeof e.className==='string'&&e.className?'.'+e.className:'')+' "'+t+'"';}
      function inScrollBox(e){for(var a=e.parentElement;a&&a!==document.body;a=a.parentElement){if(scrolls(a)){return true;}}return false;}
      document.body.querySelectorAll('*').forEach(function(el){
        if(el.closest('svg')||el.tagName==='SCRIPT'||el.id==='layout-check'||inScrollBox(el)){return;}
        var r=el.getBoundingClientRect();
        if(r.width===0&&r.height===0){return;}
        var pr=el.parentElement.getBoundingClientRect();
        if(r.left<pr.left-1||r.right>pr.right+1){bad.push(name(el)+' spans '+Math.round(r.left)+'..'+Math.round(r.right)+', its container '+Math.round(pr.left)+'..'+Math.round(pr.right));}
        if(!scrolls(el)&&getComputedStyle(el).display!=='inline'&&el.clientWidth>0&&el.scrollWidth>el.clientWidth+1){bad.push(name(el)+' content is '+el.scrollWidth+' px wide in '+el.clientWidth+' px');}
      });
      document.querySelectorAll('svg.chart').forEach(function(svg){
        var vb=svg.viewBox.baseVal;
        svg.querySelectorAll('text').forEach(function(t){
          var b=t.getBBox();
          if(b.x<vb.x-0.5||b.y<vb.y-0.5||b.x+b.width>vb.x+vb.width+0.5||b.y+b.height>vb.y+vb.height+0.5){
            bad.push('svg text "'+t.textContent+'" spans x '+b.x.toFixed(1)+'..'+(b.x+b.width).toFixed(1)+', y '+b.y.toFixed(1)+'..'+(b.y+b.height).toFixed(1)+' outside its viewBox 0 0 '+vb.width+' '+vb.height);}
        });
      });
      var out=document.createElement('pre');out.id='layout-check';out.textContent=JSON.stringify(bad);document.body.appendChild(out);
      })();</script>
      """;

  private LayoutCheck() {}

  /** A copy of a report page that measures itself. */
  static String instrument(String html) {
    String noCsp = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>\n?", "");
    return noCsp.replace("</body>", SCRIPT + "</body>");
  }

  /** What did not fit, from the DOM Chromium dumped. */
  static List<String> problems(String dom) throws Exception {
    int start = dom.indexOf("<pre id=\"layout-check\">");
    if (start < 0) {
      throw new AssertionError("the layout check did not run: no result in the DOM");
    }
    String json = dom.substring(start + "<pre id=\"layout-check\">".length(), dom.indexOf("</pre>", start));
    json = json.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
  }
}
