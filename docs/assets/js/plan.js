/* "Ons plan voor de kinderen": a text field under each part of the plan, names, a week planner
 * for two homes, and a tidy print. Every text comes from the page (data- attributes from
 * tools/content/plan.py, headings and questions from the Markdown). What a parent types stays in this
 * tab (memory and sessionStorage, gone when the tab closes); nothing is sent; the quick exit
 * wipes it. Without JavaScript the page is a printable list of questions. */
(function () {
  "use strict";

  var KEY = "rs-plan";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }
  function restore() { try { return JSON.parse(window.sessionStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; } }
  function store(value) {
    try {
      if (value) { window.sessionStorage.setItem(KEY, JSON.stringify(value)); } else { window.sessionStorage.removeItem(KEY); }
    } catch (e) { /* storage off: keep working in memory only */ }
  }

  function init(box) {
    var content = box.closest("article") || document.querySelector(".md-content") || document.body;
    var controls = box.querySelector("[data-rs-plan-bediening]");
    var status = box.querySelector("[data-rs-plan-status]");
    var printHead = box.querySelector("[data-rs-plan-kop]");
    var T = function (name) { return box.getAttribute("data-tekst-" + name) || ""; };
    var state = restore();
    controls.hidden = false;
    box.querySelector("[data-rs-plan-nojs]").hidden = true;
    document.documentElement.classList.add("rs-plan-actief");

    // 1. A text field after the questions of each part (headings with the class rs-plan-deel).
    var n = 0;
    each(content, ".rs-plan-deel", function (h) {
      n += 1;
      var key = h.id || ("deel-" + n);
      var last = h;
      var level = parseInt(h.tagName.slice(1), 10);
      while (last.nextElementSibling && !(/^H[1-6]$/.test(last.nextElementSibling.tagName) &&
             parseInt(last.nextElementSibling.tagName.slice(1), 10) <= level)) {
        last = last.nextElementSibling;
      }
      var wrap = el("div", { "class": "rs-plan__invul", "data-rs-plan-vrij": key });
      var id = "plan-tekst-" + key;
      var title = h.textContent.replace(/^\s*\d+\.\s*/, "").trim();
      wrap.appendChild(el("label", { "for": id }, T("afspraken") + ": " + title));
      wrap.appendChild(el("textarea", { id: id, rows: "5", "data-rs-plan-tekst": key, autocomplete: "off" }));
      wrap.appendChild(el("div", { "class": "rs-plan__afdruk", "data-rs-plan-afdruk": key, "aria-hidden": "true" }));
      last.parentNode.insertBefore(wrap, last.nextSibling);
    });

    // 2. The week planner: a choice per cell; the names of the homes follow the parents' names.
    var planner = content.querySelector("[data-rs-weekplanner]");
    if (planner) {
      each(planner, "[data-rs-week-cel]", function (cell) {
        var row = cell.parentNode.querySelector("th").textContent;
        var col = planner.querySelectorAll("thead th")[cell.cellIndex].textContent;
        var select = el("select", { "aria-label": row + ", " + col, "data-rs-week": cell.getAttribute("data-rs-week-cel"), autocomplete: "off" });
        [["", T("leeg")], ["1", T("huis1")], ["2", T("huis2")], ["w", T("wissel")]].forEach(function (o) {
          select.appendChild(el("option", { value: o[0] }, o[1]));
        });
        cell.appendChild(select);
        cell.appendChild(el("span", { "class": "rs-plan__afdruk", "aria-hidden": "true" }));
      });
    }

    function names() {
      var get = function (k) { var i = box.querySelector('[data-rs-plan-veld="' + k + '"]'); return i ? i.value.trim() : ""; };
      return { kinderen: get("kinderen"), ouder1: get("ouder1"), ouder2: get("ouder2"), datum: get("datum") };
    }
    // Printed copies of what was typed: a textarea does not print its whole text, a <div> does.
    function mirror() {
      var who = names();
      each(content, "select[data-rs-week]", function (s) {
        s.options[1].textContent = who.ouder1 || T("huis1");
        s.options[2].textContent = who.ouder2 || T("huis2");
        s.nextElementSibling.textContent = s.value ? s.options[s.selectedIndex].textContent : "";
      });
      each(content, "textarea[data-rs-plan-tekst]", function (t) {
        var out = content.querySelector('[data-rs-plan-afdruk="' + t.getAttribute("data-rs-plan-tekst") + '"]');
        if (out) { out.textContent = t.value; }
      });
      var lines = [];
      if (who.kinderen) { lines.push(T("voor") + ": " + who.kinderen); }
      if (who.ouder1 || who.ouder2) { lines.push(T("ouders") + ": " + [who.ouder1, who.ouder2].filter(Boolean).join(", ")); }
      if (who.datum) { lines.push(who.datum); }
      printHead.textContent = lines.join(" · ");
    }
    function collect() {
      var out = { velden: {}, teksten: {}, week: {} };
      each(box, "[data-rs-plan-veld]", function (i) { if (i.value) { out.velden[i.getAttribute("data-rs-plan-veld")] = i.value; } });
      each(content, "textarea[data-rs-plan-tekst]", function (t) { if (t.value) { out.teksten[t.getAttribute("data-rs-plan-tekst")] = t.value; } });
      each(content, "select[data-rs-week]", function (s) { if (s.value) { out.week[s.getAttribute("data-rs-week")] = s.value; } });
      return out;
    }
    function apply(saved) {
      each(box, "[data-rs-plan-veld]", function (i) { i.value = (saved.velden || {})[i.getAttribute("data-rs-plan-veld")] || ""; });
      each(content, "textarea[data-rs-plan-tekst]", function (t) { t.value = (saved.teksten || {})[t.getAttribute("data-rs-plan-tekst")] || ""; });
      each(content, "select[data-rs-week]", function (s) { s.value = (saved.week || {})[s.getAttribute("data-rs-week")] || ""; });
      mirror();
    }
    function onInput() { mirror(); store(collect()); status.textContent = ""; }
    content.addEventListener("input", onInput);
    content.addEventListener("change", onInput);

    function wipe(silent) {
      apply({});
      store(null);
      if (!silent) { status.textContent = T("gewist"); }
    }
    box.querySelector("[data-rs-plan-print]").addEventListener("click", function () { mirror(); window.print(); });
    box.querySelector("[data-rs-plan-wissen]").addEventListener("click", function () { wipe(false); });
    window.addEventListener("beforeprint", mirror);

    // Quick exit (rs.js clears sessionStorage and sets .rs-weg): wipe the fields too, so a page
    // restored with Back shows nothing.
    var exitLink = document.querySelector("[data-rs-snelweg-knop]");
    if (exitLink) { exitLink.addEventListener("click", function () { wipe(true); }, true); }
    if (window.MutationObserver) {
      new MutationObserver(function () {
        if (document.documentElement.classList.contains("rs-weg")) { wipe(true); }
      }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    }
    apply(state);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-rs-plan]"), function (box) {
      try { init(box); } catch (e) { if (window.console) { window.console.error("plan:", e); } }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
