/* The help block on topic pages ("Hulp bij jou in de buurt", data-rs-hulp) and its short summary
 * near the top of the page (data-rs-hulp-kort). Without a chosen municipality the block shows the
 * picker (kiezer.js) and the summary is a plain jump link. With one, the block shows that
 * municipality's help for exactly its categories, pre-rendered and HTML-escaped by
 * tools/hulp/render.py, one "Direct hulp nodig?" line for the crisis lines that go with them, and the
 * choice with a way to forget it; the summary gets the first local call or chat button. */
(function () {
  "use strict";
  var RS = window.RS;
  if (!RS) { return; }
  var el = RS.el, fmt = RS.fmt;

  function categories(node, attr) {
    return (node.getAttribute(attr) || "").split(/\s+/).filter(Boolean);
  }
  function langOf(node) { return node.getAttribute("data-rs-lang") === "en" ? "en" : "nl"; }
  function fragment(html) {
    // Pre-rendered by tools/hulp/render.py with every data value HTML-escaped.
    var t = document.createElement("template");
    t.innerHTML = html;
    return t.content;
  }

  RS.component("hulp", function (section, T) {
    var cats = categories(section, "data-rs-hulp");
    var lang = langOf(section);
    var keuze = section.querySelector(".rs-hulp__keuze");
    var out = section.querySelector(".rs-hulp__resultaat");
    if (!out) { return; }

    function render() {
      var id = RS.choice.get();
      out.textContent = "";
      if (!id) { if (keuze) { keuze.hidden = false; } return; }
      RS.loadGemeente(id, function (data) {
        if (RS.choice.get() !== data.id) { return; }
        var hadFocus = keuze && keuze.contains(document.activeElement);
        out.textContent = "";
        var head = el("div", { "class": "rs-hulp__gemeente" });
        var p = el("p");
        p.appendChild(document.createTextNode(T.chosen + " "));
        p.appendChild(el("strong", {}, data.naam));
        p.appendChild(document.createTextNode(". " + (RS.choice.onDevice() ? T.device : T.session)));
        head.appendChild(p);
        var actions = el("p", { "class": "rs-kiezer__acties" });
        var see = el("a", { href: RS.pageUrl(data.id), "class": "md-button md-button--primary" }, fmt(T.see, { naam: data.naam }));
        var change = el("button", { type: "button", "class": "md-button" }, T.change);
        var forget = el("button", { type: "button", "class": "md-button" }, T.forget);
        change.addEventListener("click", function () {
          if (!keuze) { return; }
          keuze.hidden = false;
          var form = keuze.querySelector("form");
          if (form) { form.hidden = false; }
          var list = keuze.querySelector(".rs-kiezer__gemeenten");
          if (list) { list.hidden = false; }
          var input = keuze.querySelector("input");
          if (input) { input.focus(); }
        });
        forget.addEventListener("click", function () {
          RS.choice.forget();
          var input = keuze && keuze.querySelector("input");
          if (input) { input.focus(); }
        });
        actions.appendChild(see); actions.appendChild(change); actions.appendChild(forget);
        head.appendChild(actions);
        out.appendChild(head);
        var blocks = (data.blokken && data.blokken[lang]) || {};
        var direct = [];
        cats.forEach(function (cid) {
          var b = blocks[cid];
          if (!b) { return; }
          var wrap = el("div", { "class": "rs-hulp__categorie" });
          wrap.appendChild(fragment(b.h));
          out.appendChild(wrap);
          (b.d || []).forEach(function (item) { if (direct.indexOf(item) < 0) { direct.push(item); } });
        });
        // The same service once: "ask the first point of contact" is left out when it has its own place.
        if (cats.indexOf("eerste-aanspreekpunt") >= 0) {
          Array.prototype.forEach.call(out.querySelectorAll(".rs-terugval"), function (n) { n.parentNode.removeChild(n); });
        }
        if (direct.length) {
          var line = el("div", { "class": "rs-direct" });
          line.appendChild(el("p", { "class": "rs-direct__titel" }, T.direct_title));
          direct.forEach(function (item) { line.appendChild(fragment(item)); });
          out.appendChild(line);
        }
        RS.enhance(out);
        if (keuze) { keuze.hidden = true; }
        // The picker that had the focus disappears: focus the result instead (WCAG 2.4.3).
        if (hadFocus) { see.focus(); }
      }, function () {
        out.textContent = T.load_error;
      });
    }
    render();
    RS.choice.onChange(render);
  });

  RS.component("hulp-kort", function (box, T) {
    var cats = categories(box, "data-rs-hulp-kort");
    var lang = langOf(box);
    var jump = box.querySelector(".rs-sprong");
    var slot = el("div", { "class": "rs-kort__inhoud" });
    box.insertBefore(slot, jump);
    function render() {
      slot.textContent = "";
      box.classList.remove("rs-kort--gevuld");
      var id = RS.choice.get();
      if (!id) { return; }
      RS.loadGemeente(id, function (data) {
        if (RS.choice.get() !== data.id) { return; }
        var blocks = (data.blokken && data.blokken[lang]) || {};
        var shown = [];
        cats.forEach(function (cid) {
          var k = blocks[cid] && blocks[cid].k;
          if (k && shown.indexOf(k) < 0 && shown.length < 2) { shown.push(k); }
        });
        // No local help for these topics: the first point of contact of the municipality.
        if (!shown.length && data.eerste && data.eerste[lang]) { shown.push(data.eerste[lang]); }
        if (!shown.length) { return; }
        slot.textContent = "";
        var title = el("p", { "class": "rs-kort__titel" }, fmt(T.summary_title, { naam: data.naam }) + " ");
        // The choice shows here, so it can be forgotten here too (a shared phone).
        var forget = el("button", { type: "button", "class": "rs-kort__vergeet" }, T.forget);
        forget.addEventListener("click", function () {
          RS.choice.forget();
          var link = box.querySelector(".rs-sprong a");
          if (link) { link.focus(); }
        });
        title.appendChild(forget);
        slot.appendChild(title);
        shown.forEach(function (k) { slot.appendChild(fragment(k)); });
        box.classList.add("rs-kort--gevuld");
      });
    }
    render();
    RS.choice.onChange(render);
  });
})();
