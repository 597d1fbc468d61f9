/* tarikh embed.js: turns every <div data-tarikh="https://…/embed/…"> on a
 * page into the timeline widget, in an iframe whose height follows its
 * content. Served as is from the site's root as /embed.js (no dependencies,
 * no build step). The host writes:
 *
 *   <div data-tarikh="https://org.github.io/repo/embed/">
 *     <a href="https://org.github.io/repo/">The timeline</a>
 *   </div>
 *   <script src="https://org.github.io/repo/embed.js" async></script>
 *
 * The link is what readers without JavaScript get. Optional attributes on the
 * div: data-from, data-to (YYYY, YYYY-MM or YYYY-MM-DD), data-limit (the
 * latest N events), data-digits (latn | arab), data-theme (light | dark),
 * data-title (the iframe's title for screen readers).
 *
 * A height is taken only from a message whose source is that iframe's own
 * window and whose origin is the widget's; it is clamped, and nothing from a
 * message is ever run or put into the page.
 */
(function () {
  "use strict";

  var MIN = 150;
  var MAX = 20000;
  var OPTIONS = ["from", "to", "limit", "digits", "theme"];
  var state = window.tarikhEmbedHost || (window.tarikhEmbedHost = { frames: [], listening: false });

  function setup(box) {
    if (box.getAttribute("data-tarikh-ready")) return;
    var url;
    try {
      url = new URL(box.getAttribute("data-tarikh"), document.baseURI);
    } catch (e) {
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return;
    OPTIONS.forEach(function (name) {
      var value = box.getAttribute("data-" + name);
      if (value) url.searchParams.set(name, value);
    });
    if (/^https?:\/\//.test(location.origin)) url.searchParams.set("origin", location.origin);

    var link = box.querySelector("a");
    var name = box.getAttribute("data-title") || (link ? link.textContent.trim() : "");
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = name ? "خط زمني: " + name : "خط زمني";
    frame.setAttribute("loading", "lazy");
    frame.style.border = "0";
    frame.style.width = "100%";
    frame.style.display = "block";
    frame.style.height = "480px";
    box.setAttribute("data-tarikh-ready", "1");
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(frame);
    state.frames.push({ frame: frame, origin: url.origin });
  }

  function onMessage(e) {
    var data = e.data;
    if (!data || typeof data !== "object" || data.type !== "tarikh:height") return;
    for (var i = 0; i < state.frames.length; i++) {
      var f = state.frames[i];
      if (e.source !== f.frame.contentWindow || e.origin !== f.origin) continue;
      var h = Number(data.height);
      if (!isFinite(h)) return;
      h = Math.max(MIN, Math.min(MAX, Math.round(h)));
      f.frame.style.height = h + "px";
      return;
    }
  }

  function scan() {
    var boxes = document.querySelectorAll("[data-tarikh]");
    for (var i = 0; i < boxes.length; i++) setup(boxes[i]);
  }

  if (!state.listening) {
    state.listening = true;
    window.addEventListener("message", onMessage);
  }
  scan();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
})();
