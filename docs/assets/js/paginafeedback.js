// "Heeft deze pagina je geholpen?" (issue 16). Rendered only when mkdocs.yml sets
// extra.paginafeedback.url; sends {pagina, antwoord, taal} to that server only when a button is
// pressed: no cookies (credentials omitted), no referrer. Strings come from the markup.
(function () {
  "use strict";
  try {
    var box = document.querySelector("[data-rs-paginafeedback]");
    if (!box || typeof window.fetch !== "function") { return; }
    var status = box.querySelector("[data-rs-feedback-status]");
    var buttons = Array.prototype.slice.call(box.querySelectorAll("button[data-antwoord]"));
    var setDisabled = function (value) { buttons.forEach(function (b) { b.disabled = value; }); };
    var say = function (key) { if (status) { status.textContent = status.getAttribute(key) || ""; } };
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        setDisabled(true);
        var body = JSON.stringify({
          pagina: box.getAttribute("data-pagina"),
          antwoord: button.getAttribute("data-antwoord"),
          taal: box.getAttribute("data-taal")
        });
        // text/plain keeps this a "simple" request: no CORS preflight to the region's server.
        window.fetch(box.getAttribute("data-url"), {
          method: "POST", mode: "cors", credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store",
          keepalive: true, headers: { "Content-Type": "text/plain;charset=UTF-8" }, body: body
        }).then(function (response) {
          if (response.ok) { say("data-dank"); } else { say("data-fout"); setDisabled(false); }
        }).catch(function () { say("data-fout"); setDisabled(false); });
      });
    });
    box.hidden = false;
  } catch (err) { /* this component failing must never break the others */ }
})();
