/* Relatie & Scheiding: quick exit, municipality picker and local referral blocks.
 * No requests to other servers, no cookies. The chosen municipality is kept in localStorage
 * on this device only. Without JavaScript every part still works as plain links. */
(function () {
  "use strict";

  var STORE_KEY = "rs-gemeente";
  var lang = (document.documentElement.getAttribute("lang") || "nl").slice(0, 2) === "en" ? "en" : "nl";
  var T = {
    nl: {
      label: "Gemeente, woonplaats of postcode",
      search: "Zoek",
      matches: "Kies je gemeente:",
      none: "Geen gemeente gevonden. Probeer een andere plaatsnaam of je postcode (4 cijfers).",
      chosen: "Jouw gemeente:",
      change: "Andere gemeente",
      clear: "Keuze wissen",
      cleared: "Je keuze is gewist.",
      see: "Bekijk alle hulp in ",
      remember: "Onthoud {naam} als mijn gemeente",
      remembered: "{naam} is nu jouw gemeente op dit apparaat.",
      stored: "We onthouden je keuze alleen op dit apparaat. We sturen niets door.",
      shift: "Shift {n} van 3",
      loadError: "De hulp van je gemeente kon niet worden geladen."
    },
    en: {
      label: "Municipality, town or postcode",
      search: "Search",
      matches: "Choose your municipality:",
      none: "No municipality found. Try another town or your postcode (4 digits).",
      chosen: "Your municipality:",
      change: "Another municipality",
      clear: "Clear choice",
      cleared: "Your choice has been cleared.",
      see: "See all help in ",
      remember: "Remember {naam} as my municipality",
      remembered: "{naam} is now your municipality on this device.",
      stored: "Your choice is stored on this device only. Nothing is sent anywhere.",
      shift: "Shift {n} of 3",
      loadError: "The help for your municipality could not be loaded."
    }
  }[lang];

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  /* ------------------------------------------------------------------ storage (never throws) */
  function getChoice() {
    try { return window.localStorage.getItem(STORE_KEY) || ""; } catch (e) { return ""; }
  }
  function setChoice(id) {
    try { window.localStorage.setItem(STORE_KEY, id); } catch (e) { /* private mode: keep in page */ }
    memoryChoice = id;
  }
  function clearChoice() {
    try { window.localStorage.removeItem(STORE_KEY); } catch (e) { /* ignore */ }
    memoryChoice = "";
  }
  var memoryChoice = getChoice();

  /* ------------------------------------------------------------------ quick exit */
  function quickExit(event) {
    var link = document.querySelector("[data-rs-snelweg-knop]");
    var target = link ? link.getAttribute("href") : "https://www.buienradar.nl/";
    if (event) { event.preventDefault(); }
    document.documentElement.classList.add("rs-weg");  // hides the page at once (CSS)
    document.title = "";
    clearChoice();
    try { window.sessionStorage.clear(); } catch (e) { /* ignore */ }
    window.location.replace(target);
  }

  function initQuickExit() {
    var link = document.querySelector("[data-rs-snelweg-knop]");
    var counter = document.querySelector("[data-rs-snelweg-teller]");
    if (link) { link.addEventListener("click", quickExit); }
    var presses = 0, timer = null;
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Shift" || e.repeat) {
        if (e.key !== "Shift") { presses = 0; if (counter) { counter.textContent = ""; } }
        return;
      }
      presses += 1;
      if (counter) { counter.textContent = fmt(T.shift, { n: presses }); }
      if (link) { link.setAttribute("data-rs-presses", String(presses)); }
      window.clearTimeout(timer);
      if (presses >= 3) { presses = 0; quickExit(); return; }
      timer = window.setTimeout(function () {
        presses = 0;
        if (counter) { counter.textContent = ""; }
        if (link) { link.removeAttribute("data-rs-presses"); }
      }, 5000);
    });
  }

  /* ------------------------------------------------------------------ data loading */
  var root = (function () {
    var meta = document.querySelector('meta[name="rs-root"]');
    var base = meta ? meta.getAttribute("content") : ".";
    return new URL((base || ".").replace(/\/?$/, "/"), window.location.href);
  })();

  var pagesRoot = (function () {
    var meta = document.querySelector('meta[name="rs-pages"]');
    return meta ? new URL(meta.getAttribute("content").replace(/\/?$/, "/"), window.location.href) : root;
  })();

  var registry = { index: null, gemeenten: {}, waiting: {} };
  window.RS_HULP = {
    index: function (list) { registry.index = list; flush("index", list); },
    gemeente: function (data) { registry.gemeenten[data.id] = data; flush("g:" + data.id, data); }
  };
  function flush(key, value) {
    var list = registry.waiting[key] || [];
    delete registry.waiting[key];
    list.forEach(function (cb) { cb(value); });
  }
  function load(key, file, cb, onError) {
    var have = key === "index" ? registry.index : registry.gemeenten[key.slice(2)];
    if (have) { cb(have); return; }
    var first = !registry.waiting[key];
    (registry.waiting[key] = registry.waiting[key] || []).push(cb);
    if (!first) { return; }
    var s = document.createElement("script");
    s.src = new URL("hulp/data/" + file, root).href;
    s.async = true;
    s.onerror = function () { delete registry.waiting[key]; if (onError) { onError(); } };
    document.head.appendChild(s);
  }
  function loadIndex(cb) { load("index", "gemeenten.js", cb); }
  function loadGemeente(id, cb, onError) {
    if (!/^[a-z0-9-]+$/.test(id)) { clearChoice(); return; }
    load("g:" + id, id + ".js", cb, onError);
  }

  /* ------------------------------------------------------------------ matching */
  function norm(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/['’`]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }
  function findMatches(index, query) {
    var q = norm(query);
    if (!q) { return []; }
    var pc = q.replace(/\s+/g, "").match(/^(\d{4})([a-z]{2})?$/);
    if (pc) {
      var n = parseInt(pc[1], 10);
      return index.filter(function (g) {
        return g.postcodes.some(function (r) { return n >= r[0] && n <= r[1]; });
      });
    }
    var exact = [], prefix = [];
    index.forEach(function (g) {
      var names = [g.naam].concat(g.plaatsen).map(norm);
      if (names.indexOf(q) >= 0) { exact.push(g); }
      else if (names.some(function (n) { return n.indexOf(q) === 0 || n.indexOf(" " + q) >= 0; })) { prefix.push(g); }
    });
    return exact.length ? exact : prefix.slice(0, 10);
  }
  function byId(index, id) {
    for (var i = 0; i < index.length; i++) { if (index[i].id === id) { return index[i]; } }
    return null;
  }
  function pageUrl(id) { return new URL("hulp/" + id + "/", pagesRoot).href; }

  /* ------------------------------------------------------------------ DOM helpers */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  var uid = 0;

  function choose(id) {
    setChoice(id);
    document.dispatchEvent(new CustomEvent("rs:gemeente", { detail: id }));
  }

  /* ------------------------------------------------------------------ picker */
  function buildPicker(box) {
    var n = ++uid;
    var form = el("form", { "class": "rs-kiezer__form", role: "search" });
    var label = el("label", { "for": "rs-kiezer-" + n }, T.label);
    var row = el("div", { "class": "rs-kiezer__rij" });
    var input = el("input", { id: "rs-kiezer-" + n, type: "text", autocomplete: "off", inputmode: "search",
      "class": "rs-kiezer__invoer", "aria-describedby": "rs-kiezer-uitleg-" + n });
    var button = el("button", { type: "submit", "class": "md-button md-button--primary" }, T.search);
    var help = el("p", { id: "rs-kiezer-uitleg-" + n, "class": "rs-kiezer__uitleg" }, T.stored);
    var status = el("div", { "class": "rs-kiezer__status", "aria-live": "polite" });
    var results = el("div", { "class": "rs-kiezer__resultaten" });
    row.appendChild(input); row.appendChild(button);
    form.appendChild(label); form.appendChild(row); form.appendChild(help);

    var links = box.querySelector("ul");
    var current = el("div", { "class": "rs-kiezer__huidig" });
    box.appendChild(current); box.appendChild(form); box.appendChild(status); box.appendChild(results);

    function showCurrent(index) {
      current.textContent = "";
      var g = byId(index, memoryChoice);
      form.hidden = !!g;
      if (links) { links.hidden = true; }
      if (!g) { return; }
      var p = el("p");
      p.appendChild(document.createTextNode(T.chosen + " "));
      p.appendChild(el("strong", {}, g.naam));
      current.appendChild(p);
      var actions = el("p", { "class": "rs-kiezer__acties" });
      var see = el("a", { href: pageUrl(g.id), "class": "md-button md-button--primary" }, T.see + g.naam);
      var change = el("button", { type: "button", "class": "md-button" }, T.change);
      var clear = el("button", { type: "button", "class": "md-button" }, T.clear);
      change.addEventListener("click", function () { form.hidden = false; input.focus(); });
      clear.addEventListener("click", function () {
        clearChoice();
        document.dispatchEvent(new CustomEvent("rs:gemeente", { detail: "" }));
        status.textContent = T.cleared;
        input.focus();
      });
      actions.appendChild(see); actions.appendChild(change); actions.appendChild(clear);
      current.appendChild(actions);
    }

    loadIndex(function (index) {
      showCurrent(index);
      document.addEventListener("rs:gemeente", function () { showCurrent(index); results.textContent = ""; });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        results.textContent = "";
        var found = findMatches(index, input.value);
        if (!found.length) { status.textContent = T.none; return; }
        if (found.length === 1) {
          choose(found[0].id);
          status.textContent = fmt(T.remembered, { naam: found[0].naam });
          return;
        }
        status.textContent = T.matches;
        var list = el("ul", { "class": "rs-kiezer__keuzes" });
        found.forEach(function (g) {
          var li = el("li");
          var b = el("button", { type: "button", "class": "md-button" }, g.naam);
          b.addEventListener("click", function () {
            choose(g.id);
            status.textContent = fmt(T.remembered, { naam: g.naam });
          });
          li.appendChild(b); list.appendChild(li);
        });
        results.appendChild(list);
        var firstButton = list.querySelector("button");
        if (firstButton) { firstButton.focus(); }
      });
    });
  }

  /* ------------------------------------------------------------------ referral blocks */
  function renderBlock(section) {
    var cats = (section.getAttribute("data-rs-hulp") || "").split(/\s+/).filter(Boolean);
    var blockLang = section.getAttribute("data-rs-lang") === "en" ? "en" : "nl";
    var choice = section.querySelector(".rs-hulp__keuze");
    var out = section.querySelector(".rs-hulp__resultaat");
    if (!out) { return; }
    var id = memoryChoice;
    if (!id) {
      out.textContent = "";
      if (choice) { choice.hidden = false; }
      return;
    }
    loadGemeente(id, function (data) {
      if (memoryChoice !== data.id) { return; }
      out.textContent = "";
      var head = el("p", { "class": "rs-hulp__gemeente" });
      head.appendChild(document.createTextNode(T.chosen + " "));
      head.appendChild(el("strong", {}, data.naam));
      head.appendChild(document.createTextNode(" · "));
      head.appendChild(el("a", { href: pageUrl(data.id) }, T.see + data.naam));
      out.appendChild(head);
      var blocks = data.blokken[blockLang] || {};
      cats.forEach(function (cid) {
        if (!blocks[cid]) { return; }
        var wrap = el("div", { "class": "rs-hulp__categorie" });
        // Pre-rendered by tools/generate.py with every data value HTML-escaped.
        wrap.innerHTML = blocks[cid];
        out.appendChild(wrap);
      });
      if (choice) { choice.hidden = true; }
    }, function () {
      out.textContent = T.loadError;
    });
  }

  function initBlocks() {
    var sections = Array.prototype.slice.call(document.querySelectorAll("[data-rs-hulp]"));
    sections.forEach(function (section) {
      var keuze = section.querySelector(".rs-hulp__keuze");
      if (keuze) {
        var picker = el("div", { "class": "rs-kiezer rs-kiezer--inline" });
        keuze.appendChild(picker);
        buildPicker(picker);
      }
      renderBlock(section);
    });
    document.addEventListener("rs:gemeente", function () { sections.forEach(renderBlock); });
  }

  function initMunicipalityPage() {
    var box = document.querySelector("[data-rs-gemeente-pagina]");
    if (!box) { return; }
    var id = box.getAttribute("data-rs-gemeente-pagina");
    var name = (document.querySelector("h1") || {}).textContent || id;
    loadIndex(function (index) {
      var g = byId(index, id);
      if (!g) { return; }
      function show() {
        box.textContent = "";
        if (memoryChoice === id) {
          box.appendChild(el("p", { "class": "rs-kiezer__huidig" }, fmt(T.remembered, { naam: g.naam })));
          return;
        }
        var b = el("button", { type: "button", "class": "md-button" }, fmt(T.remember, { naam: g.naam }));
        b.addEventListener("click", function () { choose(id); });
        box.appendChild(b);
      }
      show();
      document.addEventListener("rs:gemeente", show);
    });
    return name;
  }

  function init() {
    initQuickExit();
    Array.prototype.forEach.call(document.querySelectorAll("[data-rs-kiezer]"), buildPicker);
    initBlocks();
    initMunicipalityPage();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
