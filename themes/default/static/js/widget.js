/* tarikh widget: the script of an embedded timeline (templates/embed.html).
 *
 * 1. Options from the URL: theme, digits, from, to, limit (and at, the day a
 *    reader chose, when the widget moves to another of its pages).
 * 2. The time axis: a canvas that shows where the scope's events fall, in
 *    both calendars, zooms from years to days (buttons, keyboard, pinch,
 *    Ctrl+wheel; a plain wheel is left to scroll the article) and moves the
 *    list to the time a reader picks. Drawing bins the events per few pixels,
 *    so a frame costs the same at 10 or 10,000 events.
 * 3. Height for the host, in every dialect hosts speak: tarikh's own
 *    (embed.js), pym.js's child message, AMP's embed-size, and WordPress's
 *    height and link messages with the secret of its sandboxed iframe.
 *
 * Nothing from a message is run or put into the page: messages received are
 * only compared with what is expected.
 */
(function () {
  "use strict";

  var doc = document;
  var root = doc.documentElement;
  var params = new URLSearchParams(location.search);
  var list = doc.getElementById("w-list");
  var dataNode = doc.getElementById("w-data");
  var data = { days: [], sections: [], here: 0, order: "asc", gm: [], hm: [], hijri: [] };
  function take(from) {
    for (var k in from) if (Object.prototype.hasOwnProperty.call(from, k)) data[k] = from[k];
  }
  /* The scope's axis (its days, months, pages) comes in a script of its own,
     shared by all the scope's pages; this page's place and its way back to
     the site's root are in #w-data. */
  var axis = window.tarikhAxis;
  if (axis && typeof axis === "object") take(axis);
  try {
    if (dataNode) take(JSON.parse(dataNode.textContent));
  } catch (e) {
    /* a widget without its axis data still lists its events */
  }
  data.sections = [];
  if (data.paged && axis && axis.spans && axis.paths) {
    data.sections = axis.spans.map(function (s, i) {
      return [s[0], s[1], (data.root || "") + axis.paths[i]];
    });
  }
  var items = list ? Array.prototype.slice.call(list.querySelectorAll(".w-item")) : [];
  var DAY_MS = 86400000;

  /* ------------------------------------------------------------ options */

  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);

  function parseDay(text, end) {
    var m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text || "");
    if (!m) return null;
    var y = +m[1];
    var mo = m[2] ? +m[2] - 1 : end ? 11 : 0;
    var d;
    if (m[3]) d = +m[3];
    else d = end ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1;
    return Math.floor(Date.UTC(y, mo, d) / DAY_MS);
  }

  var from = parseDay(params.get("from"), false);
  var to = parseDay(params.get("to"), true);
  var limit = parseInt(params.get("limit"), 10);

  function dayOf(item) {
    var v = item.getAttribute("data-day");
    return v === null ? null : +v;
  }

  function inRange(day) {
    if (day === null) return from === null && to === null;
    return (from === null || day >= from) && (to === null || day <= to);
  }

  // A scope cut into pages: go to the page that holds the range asked for.
  function pageFor(day) {
    var s = data.sections || [];
    for (var i = s.length - 1; i >= 0; i--) if (s[i][0] <= day && day <= s[i][1]) return i;
    return -1;
  }

  function go(index, at) {
    var target = new URL(data.sections[index][2], location.href);
    var q = new URLSearchParams(location.search);
    if (at !== null) q.set("at", String(at));
    target.search = q.toString();
    target.hash = location.hash;
    location.replace(target.href);
  }

  if ((data.sections || []).length && (from !== null || to !== null) && !params.get("at")) {
    var mine = items.some(function (it) { return dayOf(it) !== null && inRange(dayOf(it)); });
    if (!mine) {
      var want = -1;
      for (var s = data.sections.length - 1; s >= 0 && want < 0; s--) {
        var sec = data.sections[s];
        if ((to === null || sec[0] <= to) && (from === null || sec[1] >= from)) want = s;
      }
      if (want >= 0 && want !== data.here) {
        go(want, null);
        return;
      }
    }
  }

  var shown = items.filter(function (it) { return inRange(dayOf(it)); });
  if (limit > 0 && shown.length > limit) {
    // The latest `limit` events: news sites embed what is new.
    shown = data.order === "desc" ? shown.slice(0, limit) : shown.slice(shown.length - limit);
  }
  items.forEach(function (it) { it.hidden = shown.indexOf(it) < 0; });
  var empty = doc.getElementById("w-empty");
  if (empty) empty.hidden = shown.length > 0;

  // Digits: what tarikh writes (dates, counts) follows ?digits=; the news text does not.
  var digits = params.get("digits");
  if (digits === "arab" || digits === "latn") {
    var latn = "0123456789";
    var arab = "٠١٢٣٤٥٦٧٨٩";
    var a = digits === "arab" ? latn : arab;
    var b = digits === "arab" ? arab : latn;
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      var p = node.parentNode;
      if (p.closest && p.closest(".w-item__title, .w-item__text, script")) continue;
      node.nodeValue = node.nodeValue.replace(/[0-9٠-٩]/g, function (c) {
        var i = a.indexOf(c);
        return i < 0 ? c : b.charAt(i);
      });
    }
    data.digits = digits;
  }

  function num(n) {
    var t = String(n);
    if (data.digits !== "arab") return t;
    return t.replace(/[0-9]/g, function (c) { return "٠١٢٣٤٥٦٧٨٩".charAt(+c); });
  }

  /* ------------------------------------------------------------ host messages */

  var inFrame = window.parent !== window;
  var pymId = params.get("childId");
  var secretMatch = /[#?&]secret=([A-Za-z0-9]+)/.exec(location.hash);
  var secret = secretMatch ? secretMatch[1] : null;
  var hostOrigin = params.get("origin");
  if (!/^https?:\/\/[^/]+$/.test(hostOrigin || "")) hostOrigin = "*";
  var lastHeight = 0;

  function measure() {
    return Math.ceil(root.getBoundingClientRect().height);
  }

  function sendHeight(force) {
    if (!inFrame) return;
    var h = measure();
    if (!force && h === lastHeight) return;
    lastHeight = h;
    var up = window.parent;
    up.postMessage({ type: "tarikh:height", height: h }, hostOrigin);
    if (pymId) up.postMessage("pymxPYMx" + pymId + "xPYMxheightxPYMx" + h, "*");
    up.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
    if (secret) up.postMessage({ message: "height", value: h, secret: secret }, "*");
  }

  window.addEventListener("message", function (e) {
    if (e.source !== window.parent) return;
    var d = e.data;
    if (secret && d && typeof d === "object" && d.message === "ready" && d.secret === secret) {
      sendHeight(true); // WordPress's host script is ready: say the height again
    } else if (pymId && typeof d === "string" &&
               d.indexOf("pymxPYMx" + pymId + "xPYMxwidthxPYMx") === 0) {
      sendHeight(true); // pym's parent resized: it wants the height
    }
  });

  // In WordPress's sandbox (no popups, no top navigation of our own), a link
  // is opened by asking the host, which follows it only to our own host.
  if (secret) {
    doc.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("a[href]") : null;
      if (!a || e.defaultPrevented) return;
      e.preventDefault();
      window.parent.postMessage({ message: "link", value: a.href, secret: secret }, "*");
    });
  }

  if (window.ResizeObserver) new ResizeObserver(function () { sendHeight(false); }).observe(root);
  window.addEventListener("load", function () { sendHeight(true); });
  if (doc.fonts && doc.fonts.ready) doc.fonts.ready.then(function () { sendHeight(false); });
  sendHeight(true);

  /* ------------------------------------------------------------ the axis */

  var axis = doc.getElementById("w-axis");
  var canvas = doc.getElementById("w-canvas");
  var status = doc.getElementById("w-range");
  var D = [];
  var C = [];
  for (var k = 0; k + 1 < (data.days || []).length; k += 2) {
    if (inRange(data.days[k])) {
      D.push(data.days[k]);
      C.push(data.days[k + 1]);
    }
  }
  if (!axis || !canvas || !canvas.getContext || !D.length) return;
  axis.hidden = false;

  var MIN_SPAN = 10; // days: the closest zoom shows single days
  var pad = Math.max(15, Math.round((D[D.length - 1] - D[0]) * 0.03));
  var lo = (from !== null ? from : D[0] - pad);
  var hi = (to !== null ? to + 1 : D[D.length - 1] + 1 + pad);
  if (hi - lo < MIN_SPAN) { lo -= MIN_SPAN / 2; hi += MIN_SPAN / 2; }
  var v0 = lo;
  var v1 = hi;
  var marker = null;
  var ctx = canvas.getContext("2d");
  var W = 0;
  var H = 0;
  var ratio = 1;
  var queued = false;
  var style = getComputedStyle(root);

  function color(name) {
    return style.getPropertyValue(name).trim() || "#888";
  }

  function firstAtOrAfter(arr, x) {
    var a = 0;
    var b = arr.length;
    while (a < b) {
      var m = (a + b) >> 1;
      if (arr[m] < x) a = m + 1; else b = m;
    }
    return a;
  }

  function xOf(day) { return W - ((day - v0) / (v1 - v0)) * W; } // right to left: earliest at the right
  function dayAt(x) { return v0 + ((W - x) / W) * (v1 - v0); }

  function size() {
    ratio = window.devicePixelRatio || 1;
    W = canvas.clientWidth;
    H = canvas.clientHeight;
    canvas.width = Math.round(W * ratio);
    canvas.height = Math.round(H * ratio);
    style = getComputedStyle(root);
  }

  // Labels of one row never overlap and never leave the canvas: one that
  // would is left out (the next zoom level shows it).
  var rows = {};
  function label(text, x, y, c) {
    var w = ctx.measureText(text).width;
    var left = Math.max(2, Math.min(W - 2 - w, x - w / 2));
    var taken = rows[y] || (rows[y] = []);
    for (var i = 0; i < taken.length; i++) {
      if (left < taken[i][1] + 6 && left + w + 6 > taken[i][0]) return;
    }
    taken.push([left, left + w]);
    ctx.fillStyle = c;
    ctx.textAlign = "left";
    ctx.fillText(text, left, y);
  }

  function gregorianTicks(top) {
    var k = W / (v1 - v0); // pixels a day
    var ink = color("--ink");
    var line = color("--line");
    var first = new Date(Math.floor(v0) * DAY_MS);
    var y = first.getUTCFullYear();
    var unit;
    var step = 1;
    if (k >= 24) unit = "day";
    else if (k * 7 >= 44) { unit = "day"; step = 7; }
    else if (k * 30 >= 48) unit = "month";
    else {
      unit = "year";
      var steps = [1, 2, 5, 10, 20, 50, 100];
      for (var i = 0; i < steps.length && k * 365 * steps[i] < 44; i++) step = steps[i + 1] || 100;
    }
    ctx.textBaseline = "top";
    var labels = []; // [text, x, rank]: the start of a month or year is labelled first
    var t;
    if (unit === "year") {
      for (t = Math.floor(y / step) * step; ; t += step) {
        var d = Math.floor(Date.UTC(t, 0, 1) / DAY_MS);
        if (d > v1) break;
        if (d < v0) continue;
        tick(xOf(d), line);
        labels.push([num(t), xOf(d + (step === 1 ? 182 : 0)), 1]);
      }
    } else if (unit === "month") {
      for (var mo = first.getUTCMonth(); ; mo++) {
        var dm = Math.floor(Date.UTC(y, mo, 1) / DAY_MS);
        if (dm > v1) break;
        if (dm < v0) continue;
        var date = new Date(dm * DAY_MS);
        var m = date.getUTCMonth();
        tick(xOf(dm), line);
        var name = data.gm[m] || String(m + 1);
        if (k * 30 < 90 && m === 0) name = num(date.getUTCFullYear());
        else if (m === 0) name += " " + num(date.getUTCFullYear());
        labels.push([name, xOf(dm + 15), m === 0 ? 1 : 0]);
      }
    } else {
      for (t = Math.floor(v0); t <= v1; t++) {
        var dd = new Date(t * DAY_MS);
        var day = dd.getUTCDate();
        if (step === 7 && day !== 1 && (day - 1) % 7 !== 0) continue;
        tick(xOf(t), line);
        var text = num(day);
        if (day === 1) text += " " + (data.gm[dd.getUTCMonth()] || "");
        labels.push([text, xOf(t + 0.5), day === 1 ? 1 : 0]);
      }
    }
    labels.sort(function (a, b) { return b[2] - a[2]; });
    for (var j = 0; j < labels.length; j++) label(labels[j][0], labels[j][1], top, ink);
  }

  function hijriTicks(bottom) {
    var rows = data.hijri || [];
    if (!rows.length) return;
    var k = W / (v1 - v0);
    var muted = color("--muted");
    var months = k * 29 >= 60;
    var yearStep = 1;
    while (!months && k * 354 * yearStep < 44) yearStep *= yearStep === 1 ? 2 : 2.5;
    yearStep = Math.round(yearStep);
    ctx.textBaseline = "bottom";
    ctx.textAlign = "center";
    var i0 = Math.max(0, firstAtOrAfter(rows.map(function (r) { return r[0]; }), v0) - 1);
    for (var i = i0; i < rows.length; i++) {
      var r = rows[i];
      if (r[0] > v1) break;
      var next = rows[i + 1] ? rows[i + 1][0] : r[0] + 29;
      var mid = (Math.max(r[0], v0) + Math.min(next, v1)) / 2;
      if (months) {
        var name = data.hm[r[2] - 1] + (r[2] === 1 ? " " + num(r[1]) + " هـ" : "");
        label(name, xOf(mid), bottom, muted);
      } else if (r[2] === 1 && r[1] % yearStep === 0) {
        label(num(r[1]) + " هـ", xOf(r[0] + (yearStep === 1 ? 177 : 0)), bottom, muted);
      }
    }
  }

  function tick(x, c) {
    ctx.fillStyle = c;
    ctx.fillRect(Math.round(x), 0, 1, H);
  }

  var drawn = []; // how long each of the last draws took, in ms (bench/embed_frames.py)
  function draw() {
    var began = performance.now();
    queued = false;
    if (!W) size();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, W, H);
    rows = {};
    ctx.font = "12px " + (color("--font-ui") || "sans-serif");
    ctx.direction = "rtl";
    var top = 2;
    var barTop = 20;
    var barBottom = H - 18;
    gregorianTicks(top);
    hijriTicks(H - 1);
    // Events: counted into bins a few pixels wide, tallest bin full height.
    var bin = 3;
    var n = Math.ceil(W / bin);
    var counts = new Float64Array(n + 1);
    var i = firstAtOrAfter(D, v0 - 1);
    var max = 0;
    for (; i < D.length && D[i] <= v1; i++) {
      var b = Math.floor(xOf(D[i] + 0.5) / bin);
      if (b < 0 || b > n) continue;
      counts[b] += C[i];
      if (counts[b] > max) max = counts[b];
    }
    var here = data.sections && data.sections[data.here];
    if (here && here[1]) {
      ctx.fillStyle = color("--line");
      var xa = xOf(here[1] + 1);
      var xb = xOf(here[0]);
      ctx.fillRect(xa, barBottom, Math.max(2, xb - xa), 2);
    }
    var room = barBottom - barTop;
    var mx = marker !== null && marker >= v0 && marker <= v1 ? Math.round(xOf(marker + 0.5)) : null;
    if (mx !== null) {
      // The list's place: a line behind the bars and a notch above them.
      ctx.fillStyle = color("--focus");
      ctx.globalAlpha = 0.45;
      ctx.fillRect(mx - 1, barTop - 2, 2, room + 2);
      ctx.globalAlpha = 1;
      ctx.beginPath();
      ctx.moveTo(mx - 5, barTop - 8);
      ctx.lineTo(mx + 5, barTop - 8);
      ctx.lineTo(mx, barTop - 2);
      ctx.fill();
    }
    ctx.fillStyle = color("--bar");
    for (b = 0; b <= n; b++) {
      if (!counts[b]) continue;
      var h = Math.max(3, Math.sqrt(counts[b] / max) * room);
      ctx.fillRect(b * bin, barBottom - h, bin - 1, h);
    }
    if (drawn.length > 2000) drawn.shift();
    drawn.push(performance.now() - began);
  }

  function redraw() {
    if (!queued) {
      queued = true;
      requestAnimationFrame(draw);
    }
  }

  function clampView() {
    var span = v1 - v0;
    var full = hi - lo;
    if (span > full) { v0 = lo; v1 = hi; return; }
    if (span < MIN_SPAN) {
      var mid = (v0 + v1) / 2;
      v0 = mid - MIN_SPAN / 2;
      v1 = mid + MIN_SPAN / 2;
    }
    if (v0 < lo) { v1 += lo - v0; v0 = lo; }
    if (v1 > hi) { v0 -= v1 - hi; v1 = hi; }
  }

  function zoom(factor, atDay) {
    var c = atDay === undefined ? (v0 + v1) / 2 : atDay;
    v0 = c - (c - v0) * factor;
    v1 = c + (v1 - c) * factor;
    clampView();
    changed();
  }

  function pan(days) {
    v0 += days;
    v1 += days;
    clampView();
    changed();
  }

  function fmtDay(day) {
    var d = new Date(Math.floor(day) * DAY_MS);
    return num(d.getUTCDate()) + " " + (data.gm[d.getUTCMonth()] || "") + " " + num(d.getUTCFullYear());
  }

  var statusTimer = 0;
  function changed() {
    redraw();
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () {
      status.textContent = "من " + fmtDay(v0) + " إلى " + fmtDay(v1 - 1);
    }, 250);
  }

  // Move the list to the first event at or after `day` (before it, newest first).
  function moveTo(day, smooth) {
    day = Math.floor(day); // the day under the pointer
    var here = data.sections && data.sections[data.here];
    if (here && data.sections.length > 1 && (day < here[0] - 0.5 || day > here[1] + 0.5)) {
      var target = pageFor(day);
      if (target < 0) {
        // Between two pages: the nearer one.
        var best = -1;
        var dist = Infinity;
        data.sections.forEach(function (s, i) {
          if (!s[1]) return;
          var dd = Math.min(Math.abs(s[0] - day), Math.abs(s[1] - day));
          if (dd < dist) { dist = dd; best = i; }
        });
        target = best;
      }
      if (target >= 0 && target !== data.here) {
        go(target, day);
        return;
      }
    }
    var pick = null;
    var dated = shown.filter(function (it) { return dayOf(it) !== null; });
    for (var i = 0; i < dated.length; i++) {
      var d = dayOf(dated[i]);
      if (data.order === "desc" ? d <= day : d >= day) { pick = dated[i]; break; }
    }
    if (!pick && dated.length) pick = dated[dated.length - 1];
    if (!pick) return;
    items.forEach(function (it) { it.classList.remove("w-item--here"); });
    pick.classList.add("w-item--here");
    list.scrollTo({ top: pick.offsetTop - list.offsetTop, behavior: smooth ? "smooth" : "auto" });
    marker = dayOf(pick);
    redraw();
  }

  // The marker follows the list: the day of the first event in view.
  var scrollQueued = false;
  list.addEventListener("scroll", function () {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(function () {
      scrollQueued = false;
      var top = list.scrollTop + list.offsetTop;
      for (var i = 0; i < shown.length; i++) {
        var it = shown[i];
        if (it.offsetTop + it.offsetHeight > top + 4 && dayOf(it) !== null) {
          if (marker !== dayOf(it)) { marker = dayOf(it); redraw(); }
          break;
        }
      }
    });
  }, { passive: true });

  // Pointers: drag pans, two fingers pinch, a tap picks a time.
  var pointers = {};
  var dragX = null;
  var moved = 0;
  var pinch = null;

  function spread() {
    var ids = Object.keys(pointers);
    var a = pointers[ids[0]];
    var b = pointers[ids[1]];
    return { d: Math.abs(a.x - b.x) || 1, x: (a.x + b.x) / 2 };
  }

  canvas.addEventListener("pointerdown", function (e) {
    try {
      canvas.setPointerCapture(e.pointerId);
    } catch (err) {
      /* a pointer the browser no longer tracks: follow it without capture */
    }
    pointers[e.pointerId] = { x: e.offsetX };
    moved = 0;
    dragX = e.offsetX;
    if (Object.keys(pointers).length === 2) pinch = spread();
  });
  canvas.addEventListener("pointermove", function (e) {
    if (!pointers[e.pointerId]) return;
    pointers[e.pointerId].x = e.offsetX;
    if (pinch && Object.keys(pointers).length === 2) {
      var now = spread();
      zoom(pinch.d / now.d, dayAt(now.x));
      pinch = now;
      moved += 10;
      return;
    }
    var dx = e.offsetX - dragX;
    dragX = e.offsetX;
    moved += Math.abs(dx);
    if (moved > 3) pan(dx * (v1 - v0) / W);
  });
  function up(e) {
    if (!pointers[e.pointerId]) return;
    delete pointers[e.pointerId];
    if (Object.keys(pointers).length < 2) pinch = null;
    if (e.type === "pointerup" && moved <= 3 && !Object.keys(pointers).length) {
      moveTo(dayAt(e.offsetX), true);
    }
  }
  canvas.addEventListener("pointerup", up);
  canvas.addEventListener("pointercancel", up);

  canvas.addEventListener("wheel", function (e) {
    if (e.ctrlKey) {
      // Ctrl+wheel and trackpad pinches zoom; a plain wheel scrolls the article.
      e.preventDefault();
      zoom(Math.exp(Math.max(-1, Math.min(1, e.deltaY * 0.01))), dayAt(e.offsetX));
    } else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      pan(-e.deltaX * (v1 - v0) / W);
    }
  }, { passive: false });

  canvas.addEventListener("keydown", function (e) {
    var span = v1 - v0;
    var handled = true;
    switch (e.key) {
      case "ArrowLeft": pan(span * 0.1); break; // right to left: the left is later
      case "ArrowRight": pan(-span * 0.1); break;
      case "+": case "=": zoom(0.5); break;
      case "-": case "_": zoom(2); break;
      case "Home": pan(lo - v0); break;
      case "End": pan(hi - v1); break;
      case "Enter": case " ": moveTo((v0 + v1) / 2, true); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  });

  axis.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("[data-zoom]") : null;
    if (!b) return;
    var how = b.getAttribute("data-zoom");
    if (how === "in") zoom(0.5);
    else if (how === "out") zoom(2);
    else { v0 = lo; v1 = hi; changed(); }
  });

  if (window.ResizeObserver) {
    new ResizeObserver(function () { size(); redraw(); }).observe(canvas);
  }
  window.addEventListener("resize", function () { size(); redraw(); });
  if (window.matchMedia) {
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      style = getComputedStyle(root);
      redraw();
    });
  }

  // The tarikh object, for tests and benchmarks: the view, in days since 1970.
  window.tarikhWidget = {
    view: function () { return [v0, v1]; },
    marker: function () { return marker; },
    drawn: function () { return drawn.slice(); },
  };

  size();
  var at = parseInt(params.get("at"), 10);
  if (!isNaN(at)) moveTo(at, false);
  else if (shown.length) {
    var first = shown.filter(function (it) { return dayOf(it) !== null; })[0];
    marker = first ? dayOf(first) : null;
  }
  changed();
})();
