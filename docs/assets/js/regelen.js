/* "Wat moet ik regelen?": a few questions, then only the tasks for you, each with the help of
 * your municipality. The rules come from the page (data-als / data-niet-als, written by
 * tools/content/regelen.py from docs/_data/taken.yml); every text comes from the page too.
 * Privacy: the answers live in this tab only (memory and sessionStorage, gone when the tab
 * closes); nothing is sent anywhere; the quick exit wipes them. Without JavaScript the page
 * lists every task, grouped, with who it is for. */
(function () {
  "use strict";

  var KEY = "rs-regelen";

  /* The one rule evaluator: a condition is a list of alternatives (any may hold); each maps a
   * question to the answers that count (all questions must match). Empty: always true. */
  function holds(condition, answers) {
    if (!condition || !condition.length) { return true; }
    return condition.some(function (alt) {
      return Object.keys(alt).every(function (q) {
        var given = answers[q];
        var list = Array.isArray(given) ? given : [given];
        return list.some(function (a) { return alt[q].indexOf(a) >= 0; });
      });
    });
  }
  function applies(item, answers) {
    var als = parse(item.getAttribute("data-als")), niet = parse(item.getAttribute("data-niet-als"));
    return holds(als, answers) && !(niet.length && holds(niet, answers));
  }
  function parse(text) { try { return JSON.parse(text || "[]") || []; } catch (e) { return []; } }

  function store(value) {
    try {
      if (value) { window.sessionStorage.setItem(KEY, JSON.stringify(value)); }
      else { window.sessionStorage.removeItem(KEY); }
    } catch (e) { /* storage off: keep working in memory only */ }
  }
  function restore() {
    try { return JSON.parse(window.sessionStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function fmt(text, values) { return String(text || "").replace(/\{(\w+)\}/g, function (_, k) { return values[k]; }); }
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }

  /* ------------------------------------------------------------------ municipality help data */
  // The generated files docs/hulp/data/<id>.js call window.RS_HULP.gemeente(data). rs.js owns that
  // registry; we listen in on it without changing it (and create it if rs.js did not run).
  var cache = {}, waiting = {}, hooked = false;
  function hookRegistry() {
    if (hooked) { return; }
    hooked = true;
    var reg = window.RS_HULP || (window.RS_HULP = { index: function () {} });
    var previous = reg.gemeente;
    reg.gemeente = function (data) {
      if (previous) { try { previous(data); } catch (e) { /* not ours */ } }
      if (!data || !data.id) { return; }
      cache[data.id] = data;
      var cb = waiting[data.id];
      delete waiting[data.id];
      if (cb) { cb.ok(data); }
    };
  }
  function dataRoot() {
    var meta = document.querySelector('meta[name="rs-root"]');
    var base = (meta && meta.getAttribute("content")) || ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }
  function loadMunicipality(id, ok, fail) {
    if (!/^[a-z0-9-]+$/.test(id)) { fail(); return; }
    if (cache[id]) { ok(cache[id]); return; }
    hookRegistry();
    waiting[id] = { ok: ok };
    var s = document.createElement("script");
    s.src = new URL("hulp/data/" + id + ".js", dataRoot()).href;
    s.async = true;
    s.onerror = function () { delete waiting[id]; fail(); };
    document.head.appendChild(s);
  }

  /* ------------------------------------------------------------------ the component */
  function init(root) {
    var lang = root.getAttribute("data-rs-lang") === "en" ? "en" : "nl";
    var form = root.querySelector("[data-rs-regelen-vragen]");
    var summary = root.querySelector("[data-rs-foutsamenvatting]");
    var result = root.querySelector("[data-rs-regelen-resultaat]");
    var heading = root.querySelector("[data-rs-regelen-kop]");
    var count = root.querySelector("[data-rs-regelen-aantal]");
    var select = form.querySelector("select[name=gemeente]");
    var noMunicipality = root.querySelector("[data-rs-regelen-geen-gemeente]");
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-rs-taak]"));
    var helpBoxes = Array.prototype.slice.call(root.querySelectorAll("[data-rs-hulp-cats]"));
    var original = helpBoxes.map(function (box) { return box.innerHTML; });  // server HTML, for a reset
    var answers = {}, municipality = "", done = false, printOpened = [];

    root.classList.add("rs-regelen--js");
    form.hidden = false;

    function questions() { return Array.prototype.slice.call(form.querySelectorAll("[data-rs-vraag]")); }
    function readForm() {
      answers = {};
      questions().forEach(function (fs) {
        var checked = fs.querySelector("input:checked");
        if (checked && !fs.hidden) { answers[fs.getAttribute("data-rs-vraag")] = checked.value; }
      });
      municipality = select ? select.value : "";
    }
    function save() { store({ antwoorden: answers, gemeente: municipality, klaar: done }); }
    // Follow-up questions (e.g. parental authority only with children) show only when they apply.
    function showFollowUps() {
      questions().forEach(function (fs) {
        var cond = fs.getAttribute("data-toon-als");
        if (!cond) { return; }
        var show = holds(parse(cond), answers);
        fs.hidden = !show;
        if (!show) { each(fs, "input", function (i) { i.checked = false; }); }
      });
    }
    function clearErrors() {
      summary.hidden = true;
      summary.querySelector("ul").textContent = "";
      questions().forEach(function (fs) {
        fs.classList.remove("rs-vraag--fout");
        fs.querySelector(".rs-vraag__fout").hidden = true;
      });
    }
    // GOV.UK error summary: a list of links to the questions without an answer, focused at once.
    function validate() {
      clearErrors();
      var missing = questions().filter(function (fs) { return !fs.hidden && !fs.querySelector("input:checked"); });
      if (!missing.length) { return true; }
      var list = summary.querySelector("ul");
      missing.forEach(function (fs) {
        var error = fs.querySelector(".rs-vraag__fout");
        var first = fs.querySelector("input");
        fs.classList.add("rs-vraag--fout");
        error.hidden = false;
        var li = el("li");
        var a = el("a", { href: "#" + first.id }, fs.querySelector("legend").textContent + " " +
          error.textContent.replace(error.querySelector(".rs-sr").textContent, "").trim());
        a.addEventListener("click", function (e) { e.preventDefault(); first.focus(); fs.scrollIntoView({ block: "center" }); });
        li.appendChild(a);
        list.appendChild(li);
      });
      summary.hidden = false;
      summary.focus();
      return false;
    }

    function renderHelp() {
      helpBoxes.forEach(function (box, i) { box.innerHTML = original[i]; });
      // No municipality chosen: keep the plain links to every municipality's help, say so once.
      root.classList.toggle("rs-regelen--geen-gemeente", !municipality);
      noMunicipality.hidden = !!municipality;
      if (!municipality) { return; }
      var wanted = municipality;
      loadMunicipality(wanted, function (data) {
        if (municipality !== wanted) { return; }
        var blocks = (data.blokken && data.blokken[lang]) || {};
        helpBoxes.forEach(function (box) {
          var cats = (box.getAttribute("data-rs-hulp-cats") || "").split(/\s+/).filter(Boolean);
          var details = el("details", { "class": "rs-taak__lokaal" });
          details.appendChild(el("summary", {}, fmt(root.getAttribute("data-tekst-hulp"), { naam: data.naam })));
          var seen = {};
          cats.forEach(function (cid) {
            // Per category the help is pre-rendered as {h: help, d: crisis lines, k: summary}.
            var block = blocks[cid];
            var html = block && (typeof block === "string" ? block : block.h);
            if (!html || seen[html]) { return; }  // one card once, even when it serves two categories
            seen[html] = true;
            var wrap = el("div", { "class": "rs-hulp__categorie" });
            wrap.innerHTML = html;  // pre-rendered by tools/hulp/render.py, every data value HTML-escaped
            details.appendChild(wrap);
          });
          box.textContent = "";
          box.appendChild(details);
        });
      }, function () {
        helpBoxes.forEach(function (box) {
          box.insertBefore(el("p", { "class": "rs-taak__hint" }, root.getAttribute("data-tekst-laden")), box.firstChild);
        });
      });
    }

    function showResult(focus) {
      var n = 0;
      items.forEach(function (item) {
        var show = applies(item, answers);
        item.hidden = !show;
        if (show) { n += 1; }
      });
      each(root, "[data-rs-moment]", function (section) {
        section.hidden = !section.querySelector("[data-rs-taak]:not([hidden])");
      });
      count.textContent = n === 1 ? root.getAttribute("data-tekst-aantal1") : fmt(root.getAttribute("data-tekst-aantal"), { n: n });
      root.classList.add("rs-regelen--gekozen");
      form.hidden = true;
      result.hidden = false;
      renderHelp();
      if (focus) { heading.focus(); }
    }

    function wipe(silent) {
      done = false;
      answers = {};
      municipality = "";
      form.reset();
      each(form, "input", function (i) { i.checked = false; });
      if (select) { select.value = ""; }
      store(null);
      clearErrors();
      items.forEach(function (item) { item.hidden = false; });
      each(root, "[data-rs-moment]", function (s) { s.hidden = false; });
      helpBoxes.forEach(function (box, i) { box.innerHTML = original[i]; });
      root.classList.remove("rs-regelen--gekozen", "rs-regelen--geen-gemeente");
      noMunicipality.hidden = true;
      count.textContent = "";
      result.hidden = true;
      form.hidden = false;
      showFollowUps();
      if (!silent) { var first = form.querySelector("input"); if (first) { first.focus(); } }
    }

    form.addEventListener("change", function () {
      readForm();
      showFollowUps();
      readForm();
      save();
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      readForm();
      if (!validate()) { return; }
      done = true;
      save();
      showResult(true);
    });
    root.querySelector("[data-rs-aanpassen]").addEventListener("click", function () {
      result.hidden = true;
      form.hidden = false;
      var first = form.querySelector("fieldset:not([hidden]) input:checked") || form.querySelector("input");
      if (first) { first.focus(); }
    });
    root.querySelector("[data-rs-wissen]").addEventListener("click", function () { wipe(false); });
    root.querySelector("[data-rs-print]").addEventListener("click", function () { window.print(); });
    // Printing shows the local help too: open the collapsed help of the listed tasks, then restore.
    window.addEventListener("beforeprint", function () {
      printOpened = [];
      each(root, "[data-rs-taak]:not([hidden]) details:not([open])", function (d) { d.open = true; printOpened.push(d); });
    });
    window.addEventListener("afterprint", function () { printOpened.forEach(function (d) { d.open = false; }); printOpened = []; });

    // The quick exit (rs.js) clears sessionStorage and marks the page with .rs-weg: wipe the
    // answers in memory and in the form as well, so a page restored with Back shows nothing.
    function onExit() { wipe(true); }
    var exitLink = document.querySelector("[data-rs-snelweg-knop]");
    if (exitLink) { exitLink.addEventListener("click", onExit, true); }
    if (window.MutationObserver) {
      new MutationObserver(function () {
        if (document.documentElement.classList.contains("rs-weg")) { onExit(); }
      }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    }

    // Start: answers kept in this tab (e.g. after reading a linked page), else a stored municipality.
    var saved = restore();
    if (saved && saved.antwoorden) {
      Object.keys(saved.antwoorden).forEach(function (q) {
        var input = form.querySelector('input[name="' + q.replace(/[^a-z0-9-]/g, "") + '"][value="' +
          String(saved.antwoorden[q]).replace(/[^a-z0-9-]/g, "") + '"]');
        if (input) { input.checked = true; }
      });
    }
    var preferred = (saved && saved.gemeente) || "";
    if (!preferred && !saved) {
      try { preferred = window.localStorage.getItem("rs-gemeente") || ""; } catch (e) { preferred = ""; }
    }
    if (select && preferred && select.querySelector('option[value="' + preferred.replace(/[^a-z0-9-]/g, "") + '"]')) {
      select.value = preferred;
    }
    readForm();
    showFollowUps();
    readForm();
    if (saved && saved.klaar) { done = true; showResult(false); }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rs-regelen]"), function (root) {
      try { init(root); } catch (e) { if (window.console) { window.console.error("regelen:", e); } }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
