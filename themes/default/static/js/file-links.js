/* Opened from disk (file://), a link to a folder shows the folder's listing
   instead of its page: point such links at the folder's index.html. Served
   over http(s) nothing changes, so public URLs stay clean (/actors/<slug>/). */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  var OTHER = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i; // another scheme or site, or an anchor

  function fix(a) {
    var href = a.getAttribute("href");
    if (!href || OTHER.test(href)) return;
    var cut = href.search(/[?#]/);
    var path = cut < 0 ? href : href.slice(0, cut);
    var rest = cut < 0 ? "" : href.slice(cut);
    if (path === "." || path === "..") path += "/";
    if (path.slice(-1) === "/") a.setAttribute("href", path + "index.html" + rest);
  }

  function fixAll() {
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) fix(links[i]);
  }

  fixAll();
  // Links drawn later (search results, a filter) are fixed as they are followed.
  document.addEventListener(
    "click",
    function (event) {
      var a = event.target && event.target.closest ? event.target.closest("a[href]") : null;
      if (a) fix(a);
    },
    true
  );
})();
