/* Search loads when someone starts to search. Material 9.8 starts its search worker and downloads
 * the whole search index (search/search_index.json) as soon as any page opens: on a phone that is
 * most of the data of a first visit, also for people who never search, and at national scale a
 * large file. This script runs before Material's bundle (overrides/main.html) and hands Material a
 * stand-in for that one worker and that one request; the real ones start when the search opens or
 * its field gets focus. Everything else is untouched; without JavaScript there is no search anyway.
 * If anything here fails, Material starts its search as it normally does. */
(function () {
  "use strict";
  try {
    var RealWorker = window.Worker, xhr = window.XMLHttpRequest && XMLHttpRequest.prototype;
    if (!RealWorker || !xhr || !document.addEventListener) return;
    var started = false, waiting = [];
    var start = function () {
      if (started) return;
      started = true;
      waiting.splice(0).forEach(function (run) { try { run(); } catch (e) { if (window.console) console.error("rs zoeken-laden:", e); } });
    };
    var later = function (run) { if (started) run(); else waiting.push(run); };

    var isSearchWorker = function (url) { return /\/workers\/search\.[0-9a-f]+\.min\.js(\?|$)/.test(String(url)); };
    var StandIn = function (url, options) {
      if (started || !isSearchWorker(url)) return new RealWorker(url, options);
      var real = null, messages = [], listeners = [];
      var self = {
        postMessage: function (message, transfer) { if (real) real.postMessage(message, transfer); else messages.push([message, transfer]); },
        addEventListener: function (type, fn, opts) { if (real) real.addEventListener(type, fn, opts); else listeners.push([type, fn, opts]); },
        removeEventListener: function (type, fn, opts) {
          if (real) { real.removeEventListener(type, fn, opts); return; }
          listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
        },
        terminate: function () { if (real) real.terminate(); }
      };
      later(function () {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        messages.forEach(function (m) { real.postMessage(m[0], m[1]); });
      });
      return self;
    };
    StandIn.prototype = RealWorker.prototype;  /* docs/assets/js/zoeken.js wraps the real postMessage */
    window.Worker = StandIn;

    var open = xhr.open, send = xhr.send;
    xhr.open = function (method, url) {
      this.rsLater = !started && /\/search\/search_index\.json(\?|$)/.test(String(url));
      return open.apply(this, arguments);
    };
    xhr.send = function () {
      var request = this, args = arguments;
      if (!request.rsLater) return send.apply(request, args);
      later(function () { send.apply(request, args); });
    };

    /* The search opens (the header button or label toggles #__search) or its field gets focus,
       also through Material's keyboard shortcuts, which focus the field. */
    document.addEventListener("change", function (e) { if (e.target && e.target.id === "__search" && e.target.checked) start(); }, true);
    document.addEventListener("focusin", function (e) {
      if (e.target && e.target.closest && e.target.closest(".md-search")) start();
    }, true);
  } catch (e) {
    if (window.console) console.error("rs zoeken-laden:", e);
  }
})();
