/* Search as you type (templates/search.html), with Pagefind's index.
 *
 * The index holds tarikh's Arabic matching keys (generator/publish/search.py),
 * so the query is folded here exactly as `normalize` folds text in Python:
 * alef and hamza forms, alef maqsura, taa marbuta, harakat, tatweel, Eastern
 * digits. Results are drawn with textContent from the metadata stored beside
 * each key: the title, date and text as written.
 *
 * Pagefind runs WebAssembly, so this page's CSP adds 'wasm-unsafe-eval', and
 * it needs a web server: a page opened from disk cannot load the index.
 */
(function () {
  "use strict";

  var box = document.getElementById("search");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!box || !input || !status || !list) return;
  var root = box.getAttribute("data-root") || "./";

  var FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي" };
  var DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";

  function fold(text) {
    return text
      .normalize("NFC")
      .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g, "")
      .replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
      .replace(/[أإآٱىةؤئ]/g, function (c) { return FOLD[c]; })
      .replace(/[٠-٩۰-۹]/g, function (c) { return String(DIGITS.indexOf(c) % 10); })
      .split(/\s+/)
      .filter(Boolean)
      .join(" ");
  }
  window.tarikhFold = fold; // tests compare it with Python's normalize

  // «نتيجة واحدة»، «نتيجتان»، «٣ نتائج»، «١١ نتيجةً»، «١٠٠ نتيجة»
  function counted(n) {
    var r = n % 100;
    if (n === 0) return "لا نتائج";
    if (n === 1) return "نتيجة واحدة";
    if (n === 2) return "نتيجتان";
    if (r >= 3 && r <= 10) return n + " نتائج";
    if (r >= 11 && r <= 99) return n + " نتيجةً";
    return n + " نتيجة";
  }

  // The index comes in shards (generator/publish/search.py): tarikh-index.json
  // lists them; the first is loaded, the others merged into it.
  var loading = null;
  function load() {
    if (loading) return loading;
    var base = new URL(root + "pagefind/", location.href).href;
    loading = fetch(base + "tarikh-index.json")
      .then(function (r) { return r.ok ? r.json() : {}; }, function () { return {}; })
      .then(function (stamp) {
        var shards = (stamp.shards || []).map(function (s) {
          return new URL(root + s.path, location.href).href;
        });
        return import((shards[0] || base) + "pagefind.js").then(function (mod) {
          var ready = mod.options ? mod.options({ excerptLength: 20 }) : Promise.resolve();
          return ready
            .then(function () {
              return Promise.all(shards.slice(1).map(function (url) { return mod.mergeIndex(url); }));
            })
            .then(function () { return mod; });
        });
      })
      .then(null, function () {
        status.textContent = location.protocol === "file:"
          ? "لا يعمل البحث والصفحة مفتوحة من القرص؛ اعرض الموقع عبر خادم ويب."
          : "تعذّر تحميل فهرس البحث.";
        return null;
      });
    return loading;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "search__result search__result--" + (data.meta.kind || "event");
    var a = document.createElement("a");
    a.className = "search__title";
    a.href = root + (data.meta.path || "");
    a.textContent = data.meta.title || "";
    var h = document.createElement("h2");
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "search__meta";
    meta.textContent = (data.meta.kind === "actor" ? "فاعل" : "حدث") +
      (data.meta.date ? " · " + data.meta.date : "");
    li.appendChild(meta);
    if (data.meta.text) {
      var p = document.createElement("p");
      p.className = "search__text";
      p.textContent = data.meta.text;
      li.appendChild(p);
    }
    return li;
  }

  var ticket = 0;
  function run() {
    var query = fold(input.value);
    var mine = ++ticket;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    load().then(function (pf) {
      if (!pf || mine !== ticket) return null;
      return pf.search(query).then(function (found) {
        if (!found || mine !== ticket) return;
        return Promise.all(found.results.slice(0, 30).map(function (r) { return r.data(); }))
          .then(function (rows) {
            if (mine !== ticket) return;
            list.textContent = "";
            rows.forEach(function (row) { list.appendChild(item(row)); });
            var more = found.results.length > rows.length ? " (تُعرض أول " + rows.length + ")" : "";
            status.textContent = counted(found.results.length) + more;
          });
      });
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
    var url = new URL(location.href);
    if (input.value) url.searchParams.set("q", input.value);
    else url.searchParams.delete("q");
    history.replaceState(null, "", url.href);
  });
  box.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    run();
  });
  var q = new URLSearchParams(location.search).get("q");
  if (q) {
    input.value = q;
    run();
  }
  load();
})();
