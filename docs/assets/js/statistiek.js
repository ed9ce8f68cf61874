// Cookieless page counts on the region's own server (issue 16). Loaded only when mkdocs.yml sets
// extra.statistieken.url. Sends {pagina, taal} once per page view: no cookies, no referrer, no
// screen size or other details; nothing when the browser asks not to be tracked, or from disk.
(function () {
  "use strict";
  try {
    var meta = document.querySelector('meta[name="rs-statistiek"]');
    if (!meta || typeof window.fetch !== "function" || window.location.protocol === "file:") { return; }
    if (navigator.doNotTrack === "1" || navigator.globalPrivacyControl === true) { return; }
    window.fetch(meta.getAttribute("content"), {
      method: "POST", mode: "cors", credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store",
      keepalive: true, headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({ pagina: window.location.pathname, taal: meta.getAttribute("data-taal") })
    }).catch(function () { /* counting is never worth an error for the reader */ });
  } catch (err) { /* this component failing must never break the others */ }
})();
