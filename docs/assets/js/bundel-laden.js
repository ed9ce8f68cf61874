/* Material's own script (about 35 KB compressed: the search, tooltips, the back-to-top button, the
 * table of contents that follows the reader) loads at the first sign of use: a scroll, a touch, a
 * click, a key, the mouse or focus. It is not part of the first view: the text, the links, the
 * menu, the quick exit and our own components work without it (they work without JavaScript too),
 * so a cheap phone shows and runs the page sooner. The bundle's address and the scripts that must
 * run just before it are in this tag's data attributes (tools/core/assets.py defer_bundle).
 * If anything here fails, the bundle loads at once, as Material would load it. */
(function () {
  "use strict";
  var me = document.currentScript;
  var bundle = me && me.getAttribute("data-rs-bundel");
  if (!bundle) { return; }
  var before = (me.getAttribute("data-rs-ervoor") || "").split(" ").filter(Boolean);
  var signs = ["scroll", "wheel", "pointerdown", "touchstart", "mousemove", "keydown", "focusin", "click", "change"];
  var loaded = false;
  /* What the bundle does first: Material's CSS shows the search (and hides what only works without
     JavaScript) once <html> has the class "js". The search then waits for a tap, which loads it. */
  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  var add = function (src, done) {
    var script = document.createElement("script");
    script.src = src;
    script.async = false;  /* run in the order added: the scripts before the bundle first */
    if (done) { script.onload = script.onerror = done; }
    document.body.appendChild(script);
  };

  var load = function () {
    if (loaded) { return; }
    loaded = true;
    signs.forEach(function (type) { window.removeEventListener(type, load, true); });
    /* Material starts on DOMContentLoaded, which has usually passed: while the bundle loads, a
       listener for it that comes too late runs at once (as jQuery's ready does). */
    var listen = document.addEventListener;
    document.addEventListener = function (type, fn) {
      if (type === "DOMContentLoaded" && document.readyState !== "loading") {
        window.setTimeout(function () { fn.call(document, new Event("DOMContentLoaded")); }, 0);
        return;
      }
      return listen.apply(document, arguments);
    };
    before.forEach(function (src) { add(src); });
    add(bundle, function () { document.addEventListener = listen; });
  };

  try {
    signs.forEach(function (type) { window.addEventListener(type, load, { capture: true, passive: true }); });
  } catch (e) {
    if (window.console) { console.error("rs bundel-laden:", e); }
    load();
  }
})();
