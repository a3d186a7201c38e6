"""What every page gets for keyboards, screen readers and one language at a time.

* Skip links first in the tab order ("Hoppa till spakarna", "Hoppa till resultaten"): it
  took 49 Tab presses to reach the first lever; now it is one Tab and Enter.
* A focus ring that can be seen (3 px, 4.5:1 or more on white and on the sidebar).
* Captions at 6.9:1 instead of Streamlit's 2.8:1 (a grey at 60 % opacity).
* Streamlit's own texts that have no translation API, in the page's language: the file
  uploader's "Upload" and "20MB per file • XLSX", "Skip to main content", the help
  buttons' "Help for …" (screen readers), and the page's lang attribute.

It is our own constant CSS and script (one per language), never anything a user typed. The
script is idempotent: Streamlit re-renders the element, the script only updates the
language it works in and re-applies its replacements as new elements appear.
"""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from presentation.i18n import t

FOCUS_COLOUR = "#1a5fb4"  # 6.5:1 on white

CSS = f"""<style>
:focus-visible, [data-testid="stSlider"] input:focus-visible + div,
button:focus-visible, a:focus-visible, [role="tab"]:focus-visible {{
  outline: 3px solid {FOCUS_COLOUR} !important; outline-offset: 2px !important;}}
[data-testid="stSlider"] [data-focus-visible="true"] {{
  outline: 3px solid {FOCUS_COLOUR}; outline-offset: 3px; border-radius: 50%;}}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{color: #55585f;
  opacity: 1 !important;}}
#klimat-skip {{position: fixed; top: 0; left: 0; z-index: 100000;}}
#klimat-skip a {{position: absolute; left: -10000px; top: 0.5rem; padding: 0.6rem 1rem;
  background: #ffffff; color: #0b3d91; border: 2px solid {FOCUS_COLOUR}; border-radius: 6px;
  font-weight: 600; white-space: nowrap; text-decoration: underline;}}
#klimat-skip a:focus {{left: 0.5rem;}}
</style>"""

# Streamlit's English texts → Swedish (exact text nodes, or a prefix for "Help for …").
_SWEDISH = {
    "Upload": "Välj fil",
    "Browse files": "Välj fil",
    "Drag and drop file here": "Dra och släpp filen här",
    "Drag and drop a file here": "Dra och släpp en fil här",
    "Skip to main content": "Hoppa till huvudinnehållet",
    "Link to heading": "Länk till rubriken",
    "Show/hide columns": "Visa eller dölj kolumner",
    "Download as CSV": "Ladda ned som CSV",
    "Search": "Sök",
    "Fullscreen": "Helskärm",
    "Close fullscreen": "Stäng helskärm",
    "Collapse sidebar": "Fäll ihop sidopanelen",
    "Expand sidebar": "Fäll ut sidopanelen",
    "App pages": "Appens sidor",
    "Open": "Öppna",
    "Close": "Stäng",
    "Copy to clipboard": "Kopiera",
    "Clear all": "Rensa alla",
    "Clear value": "Rensa",
    "Selected values": "Valda värden",
    "Show data": "Visa data",
    "Download as PNG": "Ladda ned som PNG",
    "Download as SVG": "Ladda ned som SVG",
    "Copy Vega-Lite spec": "Kopiera diagrammets specifikation",
    "Vega visualization": "Diagram",
    "Main menu": "Huvudmeny",
}
# Streamlit's aria-labels that start with English words and end with our text.
_SWEDISH_PREFIXES = {"Help for ": "Hjälp om ", "Remove ": "Ta bort "}

_SCRIPT = """<script>
(() => {
  const cfg = %(config)s;
  window.__klimatA11y = cfg;
  if (window.__klimatA11yInstalled) {
    if (window.__klimatA11yApply) window.__klimatA11yApply();
    return;
  }
  window.__klimatA11yInstalled = true;
  const doc = window.document;
  const visible = (el) => !!(el && el.offsetParent !== null);
  // A slow phone or a busy server may still be drawing: keep trying for 10 s, then take
  // the fallback (the page title) rather than nothing.
  const focusOn = (el) => { el.focus(); el.scrollIntoView({block: "center"}); };
  const focusLater = (find, fallback) => {
    let tries = 0;
    const attempt = () => {
      const el = find();
      if (el && visible(el)) { focusOn(el); return; }
      if (tries++ < 100) { setTimeout(attempt, 100); return; }
      const other = fallback ? fallback() : null;
      if (other && visible(other)) focusOn(other);
    };
    attempt();
  };
  const firstLever = () => {
    const inputs = [...doc.querySelectorAll('[data-testid="stSlider"] input[type="range"]')];
    return inputs.find(visible) || null;
  };
  const focusable = (el) => {
    if (el && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    return el;
  };
  const results = () => focusable(
    doc.querySelector('[data-testid="stMain"] [data-testid="stMetric"]'));
  const title = () => focusable(doc.querySelector('[data-testid="stMain"] h1'));
  const skipToLevers = (event) => {
    event.preventDefault();
    if (!firstLever()) {
      const open = doc.querySelector('[data-testid="stExpandSidebarButton"] button, '
        + '[data-testid="stExpandSidebarButton"]');
      if (open) open.click();
    }
    focusLater(firstLever);
  };
  const skipToResults = (event) => { event.preventDefault(); focusLater(results, title); };
  const install = () => {
    let nav = doc.getElementById("klimat-skip");
    if (!nav) {
      nav = doc.createElement("nav");
      nav.id = "klimat-skip";
      const levers = doc.createElement("a");
      levers.href = "#levers"; levers.id = "klimat-skip-levers";
      levers.addEventListener("click", skipToLevers);
      const res = doc.createElement("a");
      res.href = "#results"; res.id = "klimat-skip-results";
      res.addEventListener("click", skipToResults);
      nav.append(levers, res);
      doc.body.insertBefore(nav, doc.body.firstChild);
    }
    // Write only what differs: assigning textContent replaces the text node even when the
    // text is the same, which the observer below sees as a change, which runs this again: a
    // loop that kept every open page busy at 60 frames a second.
    const c = window.__klimatA11y;
    const setText = (id, text) => {
      const el = doc.getElementById(id);
      if (el.textContent !== text) el.textContent = text;
    };
    if (nav.getAttribute("aria-label") !== c.nav) nav.setAttribute("aria-label", c.nav);
    setText("klimat-skip-levers", c.levers);
    setText("klimat-skip-results", c.results);
    if (doc.documentElement.lang !== c.lang) doc.documentElement.lang = c.lang;
  };
  // The root itself and what is under it (a root may be a text node or an element).
  const within = (root, selector) => {
    if (!root.querySelectorAll) return [];
    const found = [...root.querySelectorAll(selector)];
    if (root.matches(selector)) found.unshift(root);
    return found;
  };
  const translate = (root) => {
    const c = window.__klimatA11y;
    // A chart's canvas has no name of its own: the same name the SVG had, which points to
    // the description under the chart.
    for (const canvas of within(root, '[data-testid="stVegaLiteChart"] canvas')) {
      if (canvas.getAttribute("aria-label") !== c.chart) {
        canvas.setAttribute("role", "img");
        canvas.setAttribute("aria-label", c.chart);
      }
    }
    if (c.lang !== "sv") return;
    const nodes = [];
    if (root.nodeType === Node.TEXT_NODE) nodes.push(root);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.nodeValue.trim();
      if (c.texts[text] && c.texts[text] !== text)
        node.nodeValue = node.nodeValue.replace(text, c.texts[text]);
      else if (/^[0-9.]+ ?[KMG]?B per file$/.test(text))
        node.nodeValue = text.replace("per file", "per fil");
    }
    const labelled = within(root, "[aria-label], [aria-roledescription]");
    for (const el of labelled) {
      const role = el.getAttribute("aria-roledescription");
      if (role && c.texts[role]) el.setAttribute("aria-roledescription", c.texts[role]);
    }
    // Vega's generated descriptions of axes, legends and marks are English: hidden here,
    // the chart's own description (its root label, and the text under it) says it.
    const vega = within(root, '[data-testid="stVegaLiteChart"] svg [aria-label]');
    for (const el of vega) {
      el.removeAttribute("aria-label");
      el.setAttribute("aria-hidden", "true");
    }
    for (const el of labelled) {
      if (!el.isConnected) continue;
      const label = el.getAttribute("aria-label");
      if (!label) continue;
      if (c.texts[label]) { el.setAttribute("aria-label", c.texts[label]); continue; }
      for (const [english, swedish] of Object.entries(c.prefixes)) {
        if (label.startsWith(english)) {
          el.setAttribute("aria-label", swedish + label.slice(english.length));
          break;
        }
      }
    }
  };
  window.__klimatA11yApply = () => { install(); translate(doc.body); };
  window.__klimatA11yApply();
  // Only what changed is looked at again, once per frame (it walked the whole page after
  // every change; a side-by-side timing of a lever move showed no difference either way).
  const changed = new Set();
  let pending = false;
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === "childList") record.addedNodes.forEach((node) => changed.add(node));
      else changed.add(record.target);
    }
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const roots = [...changed];
      changed.clear();
      install();
      for (const root of roots) if (root.isConnected) translate(root);
    });
  }).observe(doc.body, {childList: true, subtree: true, characterData: true, attributes: true,
                        attributeFilter: ["aria-label", "aria-roledescription"]});
})();
</script>"""


@lru_cache(maxsize=4)
def _frame(lang: str) -> str:
    import json

    config = {"lang": lang, "levers": t("skip_to_levers", lang),
              "results": t("skip_to_results", lang), "nav": t("skip_nav_label", lang),
              "chart": t("chart_aria_label", lang),
              "texts": _SWEDISH if lang == "sv" else {},
              "prefixes": _SWEDISH_PREFIXES if lang == "sv" else {}}
    return CSS + _SCRIPT % {"config": json.dumps(config, ensure_ascii=False)}


def page_frame(lang: str) -> None:
    """Skip links, focus ring, readable captions and Streamlit's texts in lang (call once
    per run, early)."""
    st.html(_frame(lang), unsafe_allow_javascript=True)
