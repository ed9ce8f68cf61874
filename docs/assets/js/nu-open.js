/* "Nu open": computed in the browser from an offering's opening times (data-rs-tijden, written by
 * tools/hulp/render.py as "weekday,start minute,end minute;..." with 0 = Monday), in Dutch time. */
(function () {
  "use strict";
  if (!window.RS) { return; }

  function amsterdamNow() {
    var parts = {};
    try {
      new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", weekday: "short", hour: "2-digit",
        minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    } catch (e) { return null; }
    var day = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday);
    if (day < 0) { return null; }
    return { day: day, minute: parseInt(parts.hour, 10) * 60 + parseInt(parts.minute, 10) };
  }

  function isOpen(spec, now) {
    return spec.split(";").some(function (span) {
      var v = span.split(",").map(Number);
      return v.length === 3 && v[0] === now.day && now.minute >= v[1] && now.minute < v[2];
    });
  }
  window.RS.isOpen = isOpen;

  window.RS.component("tijden", function (card) {
    var badge = card.querySelector("[data-rs-nu-open]");
    var now = amsterdamNow();
    if (!badge || !now) { return; }
    var open = isOpen(card.getAttribute("data-rs-tijden") || "", now);
    badge.textContent = badge.getAttribute(open ? "data-rs-open" : "data-rs-dicht");
    badge.className = "rs-nu-open" + (open ? " rs-nu-open--ja" : "");
    badge.hidden = false;
  });
})();
