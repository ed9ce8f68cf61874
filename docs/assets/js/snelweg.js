/* Quick exit ("Snel weg"), the GOV.UK "Exit this page" pattern. Started by data-rs-snelweg.
 * The link works without JavaScript; with it the page is hidden at once, everything this site
 * stored on the device is wiped, and the history entry of this page is replaced by the neutral
 * site. Shift pressed 3 times (within 5 s) does the same. Stands alone: it does not need core.js. */
(function () {
  "use strict";
  var EXIT_FALLBACK = "https://www.buienradar.nl/";

  function start(nav) {
    var T = {};
    try { T = JSON.parse(nav.getAttribute("data-rs-tekst") || "{}"); } catch (e) { /* defaults below */ }
    var link = nav.querySelector("[data-rs-snelweg-knop]");
    var counter = nav.querySelector("[data-rs-snelweg-teller]");
    var leaving = false;

    function leave(event) {
      if (event) { event.preventDefault(); }
      if (leaving) { return; }
      leaving = true;
      document.documentElement.classList.add("rs-weg");  // hides the page at once (rs.css)
      document.title = "";
      try { window.localStorage.clear(); } catch (e) { /* ignore */ }
      try { window.sessionStorage.clear(); } catch (e) { /* ignore */ }
      window.location.replace((link && link.href) || EXIT_FALLBACK);
    }

    if (link) { link.addEventListener("click", leave); }
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
      if (presses >= 3) { reset(); leave(); return; }
      if (counter) {
        counter.textContent = presses === 2 ? (T.shift1 || "Shift") : String(T.shift || "Shift {n}").replace("{n}", 3 - presses);
      }
      if (link) { link.setAttribute("data-rs-presses", String(presses)); }
      timer = window.setTimeout(reset, 5000);
    }, true);
    // Back/forward cache: a page restored after leaving must not stay hidden or keep counting.
    window.addEventListener("pageshow", function (e) {
      if (e.persisted) { leaving = false; document.documentElement.classList.remove("rs-weg"); reset(); }
    });
  }

  function run() {
    var nav = document.querySelector("[data-rs-snelweg]");
    if (nav) { start(nav); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", run); } else { run(); }
})();
