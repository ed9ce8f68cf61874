/* Accessibility fixes for Material for MkDocs that need the DOM (the rest is in rs.css and
 * overrides/). Started by data-rs-thema (overrides/main.html), texts in its data-rs-tekst. */
(function () {
  "use strict";
  if (!window.RS) { return; }
  var el = window.RS.el;

  window.RS.component("thema", function (holder, T) {
    var root = document.documentElement;
    root.classList.add("rs-js", "rs-js-start");  // rs-js-start: the closed drawer hides at once (rs.css)
    window.setTimeout(function () { root.classList.remove("rs-js-start"); }, 400);
    // 1. The menu button on phones is a <label>, which a keyboard cannot reach: put a real button
    //    in its place (without JavaScript the label stays and works with mouse and touch).
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
    if (drawer && label) {
      var menu = el("button", { type: "button", "class": label.className, "aria-label": T.menu,
        "aria-expanded": drawer.checked ? "true" : "false", "data-rs-menu": "" });
      while (label.firstChild) { menu.appendChild(label.firstChild); }
      label.parentNode.replaceChild(menu, label);
      var sync = function () { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
      drawer.addEventListener("change", sync);
      menu.addEventListener("click", function () {
        drawer.click();  // toggles the checkbox and fires "change" for the theme
        sync();
        if (drawer.checked) {
          window.setTimeout(function () {
            var links = document.querySelectorAll(".md-sidebar--primary a[href]");
            for (var i = 0; i < links.length; i++) {
              if (links[i].getClientRects().length) { links[i].focus(); break; }
            }
          }, 60);
        }
      });
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && drawer.checked) { drawer.click(); sync(); menu.focus(); }
      });
    }
    // 2. On phones the search opens with a <label> too: same fix. While the search is closed, its
    //    field is hidden (rs.css), so it no longer takes keyboard focus unseen.
    var search = document.getElementById("__search");
    var searchLabel = document.querySelector('.md-header label.md-header__button[for="__search"]');
    var query = document.querySelector(".md-search__input");
    if (search && searchLabel) {
      var open = el("button", { type: "button", "class": searchLabel.className, "aria-label": T.search_open,
        "aria-expanded": "false", "data-rs-zoek": "" });
      while (searchLabel.firstChild) { open.appendChild(searchLabel.firstChild); }
      searchLabel.parentNode.replaceChild(open, searchLabel);
      search.addEventListener("change", function () { open.setAttribute("aria-expanded", search.checked ? "true" : "false"); });
      open.addEventListener("click", function () {
        if (!search.checked) { search.click(); }
        open.setAttribute("aria-expanded", "true");
        if (query) { window.setTimeout(function () { query.focus(); }, 50); }
      });
      document.addEventListener("keydown", function (e) {
        if (e.key !== "Escape" || !search.checked) { return; }
        window.setTimeout(function () {
          open.setAttribute("aria-expanded", search.checked ? "true" : "false");
          if (!search.checked && open.offsetParent !== null) { open.focus(); }
        }, 0);
      }, true);
    }
    // 3. The theme's hidden toggle checkboxes have no text label (some checkers report that).
    if (drawer && !drawer.hasAttribute("aria-label")) { drawer.setAttribute("aria-label", T.menu); }
    if (search && !search.hasAttribute("aria-label")) { search.setAttribute("aria-label", T.search_open); }
    // 4. Wide tables scroll sideways: the scroll area must be reachable with the keyboard.
    function scrollRegions() {
      Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])"), function (w) {
        w.setAttribute("tabindex", "0");
        w.setAttribute("role", "region");
        var caption = w.querySelector("caption");
        w.setAttribute("aria-label", caption ? caption.textContent : T.table);
      });
    }
    scrollRegions();
    if (window.MutationObserver) {
      var content = document.querySelector(".md-content");
      if (content) { new MutationObserver(scrollRegions).observe(content, { childList: true, subtree: true }); }
    }
  });
})();
