/* Test versions only (tools/preview/testversion.py): mark a preview opened from disk (file://), where the
   search cannot work, so the stylesheet hides it and the banner says so. */
(function () {
  "use strict";
  if (window.location.protocol === "file:") {
    document.documentElement.classList.add("rs-bestand");
  }
})();
