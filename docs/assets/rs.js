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
      shift: "Druk nog {n}x op Shift om snel weg te gaan",
      shift1: "Druk nog 1x op Shift om snel weg te gaan",
      menu: "Menu",
      searchOpen: "Zoeken",
      table: "Tabel: schuif opzij om alles te zien",
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
      shift: "Press Shift {n} more times to leave quickly",
      shift1: "Press Shift once more to leave quickly",
      menu: "Menu",
      searchOpen: "Search",
      table: "Table: scroll sideways to see everything",
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
  // GOV.UK "Exit this page" pattern: the link works without JavaScript; with it, the page is
  // hidden at once, the municipality choice is wiped, and the history entry of this page is
  // replaced by the neutral site. Shift pressed 3 times (within 5 s) does the same.
  var EXIT_FALLBACK = "https://www.buienradar.nl/";
  var leaving = false;

  function quickExit(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    var link = document.querySelector("[data-rs-snelweg-knop]");
    var target = (link && link.href) || EXIT_FALLBACK;
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
    function reset() {
      presses = 0;
      window.clearTimeout(timer);
      if (counter) { counter.textContent = ""; }
      if (link) { link.removeAttribute("data-rs-presses"); }
    }
    window.addEventListener("keydown", function (e) {
      if (e.key !== "Shift") { if (presses) { reset(); } return; }
      if (e.repeat) { return; }  // holding Shift down counts once
      presses += 1;
      window.clearTimeout(timer);
      if (presses >= 3) { reset(); quickExit(); return; }
      if (counter) { counter.textContent = presses === 2 ? T.shift1 : fmt(T.shift, { n: 3 - presses }); }
      if (link) { link.setAttribute("data-rs-presses", String(presses)); }
      timer = window.setTimeout(reset, 5000);
    }, true);
    // Back/forward cache: a page restored after leaving must not stay hidden or keep counting.
    window.addEventListener("pageshow", function (e) {
      if (e.persisted) { leaving = false; document.documentElement.classList.remove("rs-weg"); reset(); }
    });
  }

  /* ------------------------------------------------------------------ accessibility of the theme */
  // Fixes for Material for MkDocs that need the DOM (the rest is in rs.css and overrides/).
  function initThemeA11y() {
    document.documentElement.classList.add("rs-js");
    // 1. The menu button on phones is a <label>, which a keyboard cannot reach: put a real button
    //    in its place (without JavaScript the label stays and works with mouse and touch).
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (drawer && label) {
      var menu = el("button", { type: "button", "class": label.className, "aria-label": T.menu,
        "aria-expanded": drawer.checked ? "true" : "false", "data-rs-menu": "" });
      while (label.firstChild) { menu.appendChild(label.firstChild); }
      label.parentNode.replaceChild(menu, label);
      var sync = function () { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
      drawer.addEventListener("change", sync);
      menu.addEventListener("click", function () {
        drawer.click();  // toggles the checkbox and fires "change" for the theme
        sync();
        if (drawer.checked) {
          window.setTimeout(function () {
            var links = document.querySelectorAll(".md-sidebar--primary a[href]");
            for (var i = 0; i < links.length; i++) {
              if (links[i].getClientRects().length) { links[i].focus(); break; }
            }
          }, 60);
        }
      });
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && drawer.checked) { drawer.click(); sync(); menu.focus(); }
      });
    }
    // 2. On phones the search opens with a <label> too: same fix. While the search is closed, its
    //    field is hidden (rs.css), so it no longer takes keyboard focus unseen.
    var search = document.getElementById("__search");
    var searchLabel = document.querySelector('.md-header label.md-header__button[for="__search"]');
    var query = document.querySelector(".md-search__input");
    if (search && searchLabel) {
      var open = el("button", { type: "button", "class": searchLabel.className, "aria-label": T.searchOpen,
        "aria-expanded": "false", "data-rs-zoek": "" });
      while (searchLabel.firstChild) { open.appendChild(searchLabel.firstChild); }
      searchLabel.parentNode.replaceChild(open, searchLabel);
      search.addEventListener("change", function () { open.setAttribute("aria-expanded", search.checked ? "true" : "false"); });
      open.addEventListener("click", function () {
        if (!search.checked) { search.click(); }
        open.setAttribute("aria-expanded", "true");
        if (query) { window.setTimeout(function () { query.focus(); }, 50); }
      });
      document.addEventListener("keydown", function (e) {
        if (e.key !== "Escape" || !search.checked) { return; }
        window.setTimeout(function () {
          open.setAttribute("aria-expanded", search.checked ? "true" : "false");
          if (!search.checked && open.offsetParent !== null) { open.focus(); }
        }, 0);
      }, true);
    }
    // 3. The theme's hidden toggle checkboxes have no text label (some checkers report that).
    if (drawer && !drawer.hasAttribute("aria-label")) { drawer.setAttribute("aria-label", T.menu); }
    if (search && !search.hasAttribute("aria-label")) { search.setAttribute("aria-label", T.searchOpen); }
    // 4. Wide tables scroll sideways: the scroll area must be reachable with the keyboard.
    function scrollRegions() {
      Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])"), function (w) {
        w.setAttribute("tabindex", "0");
        w.setAttribute("role", "region");
        var caption = w.querySelector("caption");
        w.setAttribute("aria-label", caption ? caption.textContent : T.table);
      });
    }
    scrollRegions();
    if (window.MutationObserver) {
      var content = document.querySelector(".md-content");
      if (content) { new MutationObserver(scrollRegions).observe(content, { childList: true, subtree: true }); }
    }
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
  // "/" on the web; ".html" in previews opened from disk (built without directory URLs).
  var urlEnd = (document.querySelector('meta[name="rs-url-einde"]') || { getAttribute: function () { return "/"; } })
    .getAttribute("content") === ".html" ? ".html" : "/";
  function pageUrl(id) { return new URL("hulp/" + id + urlEnd, pagesRoot).href; }

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
      if (links && !links.hidden) {
        // Keep keyboard focus when the plain links make way for the picker (WCAG 2.4.3).
        var hadFocus = links.contains(document.activeElement);
        links.hidden = true;
        if (hadFocus) {
          window.setTimeout(function () { (form.hidden ? current.querySelector("a, button") || input : input).focus(); }, 0);
        }
      }
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

    // Accessibility (WCAG 2.4.3): choosing hides the form that has the focus; move the focus to the
    // link with the help of the chosen municipality instead of losing it.
    function focusChosen() {
      var link = current.querySelector("a");
      if (link) { link.focus(); }
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
          focusChosen();
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
            focusChosen();
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
        // Pre-rendered by tools/hulp/render.py with every data value HTML-escaped.
        wrap.innerHTML = blocks[cid];
        out.appendChild(wrap);
      });
      // Accessibility (WCAG 2.4.3): the picker that had the focus disappears; focus the result.
      var hadFocus = choice && choice.contains(document.activeElement);
      if (choice) { choice.hidden = true; }
      if (hadFocus) { head.querySelector("a").focus(); }
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
    initThemeA11y();
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
