/* On a municipality page (data-rs-gemeente-pagina): choose this municipality for this visit, then,
 * only if the visitor asks, remember it on the device; the choice can be forgotten here too. */
(function () {
  "use strict";
  var RS = window.RS;
  if (!RS) { return; }
  var el = RS.el, fmt = RS.fmt;

  RS.component("gemeente-pagina", function (box, T) {
    var id = box.getAttribute("data-rs-gemeente-pagina");
    var naam = box.getAttribute("data-rs-naam") || id;
    function show() {
      var hadFocus = box.contains(document.activeElement);
      box.textContent = "";
      var p = el("p", { "class": "rs-kiezer__acties" });
      if (RS.choice.get() !== id) {
        var pickB = el("button", { type: "button", "class": "md-button" }, fmt(T.pick_this, { naam: naam }));
        pickB.addEventListener("click", function () { RS.choice.set(id); });
        p.appendChild(pickB);
        box.appendChild(p);
        if (hadFocus) { pickB.focus(); }
        return;
      }
      box.appendChild(el("p", {}, fmt(T.this_chosen, { naam: naam }) + " " + (RS.choice.onDevice() ? T.device : T.session)));
      if (!RS.choice.onDevice()) {
        var remember = el("button", { type: "button", "class": "md-button" }, T.remember);
        remember.addEventListener("click", function () { RS.choice.remember(); });
        p.appendChild(remember);
      }
      var forget = el("button", { type: "button", "class": "md-button" }, T.forget);
      forget.addEventListener("click", function () { RS.choice.forget(); });
      p.appendChild(forget);
      box.appendChild(p);
      if (!RS.choice.onDevice()) { box.appendChild(el("p", { "class": "rs-kiezer__uitleg" }, T.remember_why)); }
      if (hadFocus) { (p.querySelector("button") || box).focus(); }
    }
    show();
    RS.choice.onChange(show);
  });
})();

/* A link to a folded section (details.rs-vouw, e.g. from the contents list) opens that section. */
(function () {
  "use strict";
  function openTarget() {
    try {
      var id = decodeURIComponent((location.hash || "").slice(1));
      var target = id && document.getElementById(id);
      var box = target && (target.matches("details.rs-vouw") ? target : target.closest("details.rs-vouw"));
      if (box && !box.open) { box.open = true; target.scrollIntoView(); }
    } catch (e) { /* a failure here must not break other components */ }
  }
  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", openTarget); } else { openTarget(); }
})();
