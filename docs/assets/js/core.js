/* Relatie & Scheiding: what the components share. Starting components, their texts, the chosen
 * municipality and the help data. No requests to other servers, no cookies.
 * Each component is a file of its own (docs/assets/js/<name>.js), started by a data-rs-<name>
 * attribute on its markup; a failing component is logged and the others keep working. Its texts
 * come from the server, in the data-rs-tekst attribute of that markup (tools/core/labels.py). */
(function () {
  "use strict";
  var RS = window.RS = window.RS || {};

  RS.texts = function (el) {
    try { return JSON.parse(el.getAttribute("data-rs-tekst") || "{}"); } catch (e) { return {}; }
  };
  RS.fmt = function (text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (_, k) { return values[k] == null ? "" : values[k]; });
  };
  RS.el = function (tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  };

  /* Start a component on every element with data-rs-<name>, each in its own try/catch. Markup added
     later (help cards in a block) is started with RS.enhance(container). */
  var components = {};
  function startAll(name, scope) {
    var nodes = scope.querySelectorAll("[data-rs-" + name + "]");
    Array.prototype.forEach.call(nodes, function (el) {
      if (el.rsStarted && el.rsStarted[name]) { return; }
      (el.rsStarted = el.rsStarted || {})[name] = true;
      try { components[name](el, RS.texts(el)); } catch (e) {
        if (window.console) { window.console.error("rs " + name + ":", e); }
      }
    });
  }
  RS.component = function (name, init) {
    components[name] = init;
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { startAll(name, document); });
    } else { startAll(name, document); }
  };
  RS.enhance = function (container) { Object.keys(components).forEach(function (name) { startAll(name, container); }); };

  /* ---------------------------------------------------------------- the chosen municipality
   * Remembering is a choice (issue 11): by default only for this visit (sessionStorage); on the
   * device (localStorage) only after the visitor asks for it. Storage errors never throw. */
  var KEY = "rs-gemeente";
  function read(store) { try { return window[store].getItem(KEY) || ""; } catch (e) { return ""; } }
  function write(store, value) {
    try { if (value) { window[store].setItem(KEY, value); } else { window[store].removeItem(KEY); } } catch (e) { /* private mode */ }
  }
  var memory = read("localStorage") || read("sessionStorage");
  function changed() { document.dispatchEvent(new CustomEvent("rs:gemeente", { detail: memory })); }
  RS.choice = {
    get: function () { return /^[a-z0-9-]+$/.test(memory) ? memory : ""; },
    onDevice: function () { return !!memory && read("localStorage") === memory; },
    set: function (id) {
      var keep = RS.choice.onDevice();
      memory = id;
      write("sessionStorage", id);
      write("localStorage", keep ? id : "");
      changed();
    },
    remember: function () { if (memory) { write("localStorage", memory); write("sessionStorage", memory); changed(); } },
    forget: function () { memory = ""; write("localStorage", ""); write("sessionStorage", ""); changed(); },
    onChange: function (cb) { document.addEventListener("rs:gemeente", function () { cb(RS.choice.get()); }); }
  };

  /* ---------------------------------------------------------------- addresses */
  function meta(name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.getAttribute("content") : null; }
  var root = new URL((meta("rs-root") || ".").replace(/\/?$/, "/"), window.location.href);
  var pagesRoot = meta("rs-pages") ? new URL(meta("rs-pages").replace(/\/?$/, "/"), window.location.href) : root;
  // "/" on the web; ".html" in previews opened from disk (built without directory URLs).
  var urlEnd = meta("rs-url-einde") === ".html" ? ".html" : "/";
  RS.overviewUrl = function (anchor) {
    return new URL("hulp/" + (urlEnd === ".html" ? "index.html" : "") + (anchor ? "#" + anchor : ""), pagesRoot).href;
  };
  RS.pageUrl = function (id, anchor) { return new URL("hulp/" + id + urlEnd + (anchor ? "#" + anchor : ""), pagesRoot).href; };

  /* ---------------------------------------------------------------- help data (our own origin only) */
  var registry = { index: null, gemeenten: {}, waiting: {}, failed: {} };
  window.RS_HULP = {
    index: function (list) { registry.index = list; flush("index", list); },
    gemeente: function (data) { registry.gemeenten[data.id] = data; flush("g:" + data.id, data); }
  };
  function flush(key, value) {
    var list = registry.waiting[key] || [];
    delete registry.waiting[key];
    list.forEach(function (w) { w.ok(value); });
  }
  function load(key, file, ok, fail) {
    var have = key === "index" ? registry.index : registry.gemeenten[key.slice(2)];
    if (have) { ok(have); return; }
    var first = !registry.waiting[key];
    (registry.waiting[key] = registry.waiting[key] || []).push({ ok: ok, fail: fail || function () {} });
    if (!first) { return; }
    var s = document.createElement("script");
    s.src = new URL("hulp/data/" + file, root).href;
    s.async = true;
    s.onerror = function () {
      var list = registry.waiting[key] || [];
      delete registry.waiting[key];
      list.forEach(function (w) { w.fail(); });
    };
    document.head.appendChild(s);
  }
  RS.loadIndex = function (ok, fail) { load("index", "gemeenten.js", ok, fail); };
  RS.loadGemeente = function (id, ok, fail) {
    if (!/^[a-z0-9-]+$/.test(id)) { if (fail) { fail(); } return; }
    load("g:" + id, id + ".js", ok, fail);
  };
  RS.byId = function (index, id) {
    for (var i = 0; i < index.length; i++) { if (index[i].id === id) { return index[i]; } }
    return null;
  };
})();
