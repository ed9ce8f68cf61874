/* The municipality picker (issue 11): one behaviour everywhere. Started by data-rs-kiezer.
 * - the five (or more) municipality links stay as large buttons: with JavaScript they choose in
 *   place, without it they are plain links to the municipality pages;
 * - a field for a municipality, town or 4-digit postcode that forgives small typos
 *   ("Oosterhoud" -> "Bedoel je Oosterhout?") and says which municipality a place belongs to;
 * - a place outside the region gets a next step (the national help);
 * - the choice is for this visit only, unless the visitor asks to remember it on the device. */
(function () {
  "use strict";
  var RS = window.RS;
  if (!RS) { return; }
  var el = RS.el, fmt = RS.fmt;
  var uid = 0;

  function norm(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/['’`]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  }
  // Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stops early above max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; }
    for (i = 1; i <= a.length; i++) {
      var cur = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) { v = Math.min(v, prev2[j - 2] + 1); }
        cur[j] = v;
        if (v < best) { best = v; }
      }
      if (best > max) { return max + 1; }
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function allowed(q) { return q.length >= 8 ? 2 : q.length >= 5 ? 1 : 0; }

  /* {exact: [{g, place}], close: [{g, place}]} for a query. */
  function find(index, query) {
    var q = norm(query), exact = [], prefix = [], close = [];
    if (!q) { return { exact: [], close: [] }; }
    var pc = q.replace(/\s+/g, "").match(/^(\d{4})([a-z]{2})?$/);
    if (pc) {
      var n = parseInt(pc[1], 10);
      index.forEach(function (g) {
        if (g.postcodes.some(function (r) { return n >= r[0] && n <= r[1]; })) { exact.push({ g: g, place: "" }); }
      });
      return { exact: exact, close: [] };
    }
    var max = allowed(q);
    index.forEach(function (g) {
      var names = [g.naam].concat(g.plaatsen);
      var hit = null, pre = null, near = null, nearD = max + 1;
      names.forEach(function (name) {
        var n = norm(name);
        if (n === q && !hit) { hit = name; }
        else if ((n.indexOf(q) === 0 || n.indexOf(" " + q) >= 0) && !pre) { pre = name; }
        else if (max) {
          var d = distance(q, n, max);
          if (d < nearD) { nearD = d; near = name; }
        }
      });
      if (hit) { exact.push({ g: g, place: hit === g.naam ? "" : hit }); }
      else if (pre) { prefix.push({ g: g, place: pre === g.naam ? "" : pre }); }
      else if (near) { close.push({ g: g, place: near === g.naam ? "" : near, d: nearD }); }
    });
    if (exact.length) { return { exact: exact, close: [] }; }
    if (prefix.length) { return { exact: prefix.length === 1 ? prefix : [], close: prefix.length > 1 ? prefix.slice(0, 10) : [] }; }
    close.sort(function (a, b) { return a.d - b.d; });
    return { exact: [], close: close.slice(0, 5), fuzzy: true };
  }
  RS.findPlace = find;

  RS.component("kiezer", function (box, T) {
    var n = ++uid;
    var links = Array.prototype.slice.call(box.querySelectorAll("a[data-rs-gemeente]"));
    var list = links.length ? links[0].closest("ul") : null;
    if (list) { list.classList.add("rs-kiezer__gemeenten"); }

    var form = el("form", { "class": "rs-kiezer__form", role: "search" });
    var label = el("label", { "for": "rs-kiezer-" + n }, T.label);
    var row = el("div", { "class": "rs-kiezer__rij" });
    var input = el("input", { id: "rs-kiezer-" + n, type: "text", autocomplete: "off", inputmode: "search",
      "class": "rs-kiezer__invoer", "aria-describedby": "rs-kiezer-uitleg-" + n });
    var button = el("button", { type: "submit", "class": "md-button md-button--primary" }, T.search);
    var help = el("p", { id: "rs-kiezer-uitleg-" + n, "class": "rs-kiezer__uitleg" }, T.session);
    var status = el("div", { "class": "rs-kiezer__status", "aria-live": "polite" });
    var results = el("div", { "class": "rs-kiezer__resultaten" });
    var current = el("div", { "class": "rs-kiezer__huidig" });
    row.appendChild(input); row.appendChild(button);
    form.appendChild(label); form.appendChild(row); form.appendChild(help);
    // Order: what is chosen, then the field, then what it found, then the large buttons.
    box.insertBefore(current, list || box.firstChild);
    box.insertBefore(form, list || null);
    box.insertBefore(status, list || null);
    box.insertBefore(results, list || null);

    function show(index) {
      current.textContent = "";
      var g = RS.byId(index, RS.choice.get());
      form.hidden = !!g;
      if (list) { list.hidden = !!g; }
      if (!g) { return; }
      var p = el("p");
      p.appendChild(document.createTextNode(T.chosen + " "));
      p.appendChild(el("strong", {}, g.naam));
      p.appendChild(document.createTextNode(". " + (RS.choice.onDevice() ? T.device : T.session)));
      current.appendChild(p);
      var actions = el("p", { "class": "rs-kiezer__acties" });
      var see = el("a", { href: RS.pageUrl(g.id), "class": "md-button md-button--primary" }, fmt(T.see, { naam: g.naam }));
      var change = el("button", { type: "button", "class": "md-button" }, T.change);
      var forget = el("button", { type: "button", "class": "md-button" }, T.forget);
      change.addEventListener("click", function () { form.hidden = false; if (list) { list.hidden = false; } input.focus(); });
      forget.addEventListener("click", function () {
        RS.choice.forget();
        status.textContent = T.forgotten;
        input.focus();
      });
      actions.appendChild(see); actions.appendChild(change); actions.appendChild(forget);
      current.appendChild(actions);
      if (!RS.choice.onDevice()) {
        var ask = el("p", { "class": "rs-kiezer__onthoud" });
        var remember = el("button", { type: "button", "class": "md-button", "aria-describedby": "rs-kiezer-waarom-" + n }, T.remember);
        remember.addEventListener("click", function () { RS.choice.remember(); status.textContent = T.device; see.focus(); });
        ask.appendChild(remember);
        ask.appendChild(el("span", { id: "rs-kiezer-waarom-" + n, "class": "rs-kiezer__uitleg" }, " " + T.remember_why));
        current.appendChild(ask);
      }
    }

    function pick(index, entry) {
      results.textContent = "";
      RS.choice.set(entry.g.id);
      var said = entry.place ? fmt(T.belongs, { plaats: entry.place, naam: entry.g.naam }) + " " : "";
      status.textContent = said + fmt(T.shown, { naam: entry.g.naam });
      var link = current.querySelector("a");
      if (link) { link.focus(); }
    }

    function offer(index, entries, title) {
      status.textContent = title;
      var ul = el("ul", { "class": "rs-kiezer__keuzes" });
      entries.forEach(function (entry) {
        var li = el("li");
        var text = entry.place ? fmt(T.place_of, { plaats: entry.place, naam: entry.g.naam }) : entry.g.naam;
        var b = el("button", { type: "button", "class": "md-button" }, text);
        b.addEventListener("click", function () { pick(index, entry); });
        li.appendChild(b); ul.appendChild(li);
      });
      results.appendChild(ul);
      var first = ul.querySelector("button");
      if (first) { first.focus(); }
    }

    function outside() {
      status.textContent = T.none;
      var p = el("p", { "class": "rs-kiezer__buiten" }, T.outside + " ");
      var a = el("a", { href: RS.overviewUrl("landelijk") }, T.national);
      p.appendChild(a);
      results.appendChild(p);
    }

    RS.loadIndex(function (index) {
      // Hand the focus on when the plain links it was on make way (WCAG 2.4.3).
      var hadFocus = box.contains(document.activeElement);
      show(index);
      if (hadFocus && !box.contains(document.activeElement)) { (form.hidden ? current.querySelector("a") : input).focus(); }
      RS.choice.onChange(function () { show(index); results.textContent = ""; });
      links.forEach(function (a) {
        a.classList.add("rs-gemeente-knop");
        a.addEventListener("click", function (e) {
          var g = RS.byId(index, a.getAttribute("data-rs-gemeente"));
          if (!g) { return; }  // unknown: let the link do its work
          e.preventDefault();
          pick(index, { g: g, place: "" });
        });
      });
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        results.textContent = "";
        var found = find(index, input.value);
        if (found.exact.length === 1) { pick(index, found.exact[0]); return; }
        if (found.exact.length > 1) { offer(index, found.exact, T.matches); return; }
        if (found.close.length) {
          var c = found.close[0];
          var title = found.fuzzy ? fmt(T.did_you_mean, { naam: c.place || c.g.naam }) : T.matches;
          offer(index, found.close, title);
          return;
        }
        outside();
      });
    });
  });
})();
