/* tarikh default theme: progressive enhancement of the timeline page.
 *
 * Without this script the actor list is a list of links to actor pages, and
 * every event is shown. With it, the same links become toggle buttons that
 * show only the cards whose data-actors contains the chosen actor, and the
 * choice is kept in the address (#actor=<slug>) so it can be shared.
 *
 * Keyboard: the actor buttons form one toolbar (one Tab stop); arrow keys
 * move along it in reading order, so in right-to-left pages ArrowLeft is
 * "next". On a card's title link, the same arrows move to the next or
 * previous visible card.
 *
 * Text from the page is only ever read with textContent and written with
 * textContent or createElement: never innerHTML.
 */
(function () {
  "use strict";

  var filter = document.getElementById("filter");
  var timeline = document.getElementById("timeline");
  if (!filter || !timeline || !("querySelectorAll" in document)) {
    return;
  }

  var chips = Array.prototype.slice.call(filter.querySelectorAll("a[data-actor]"));
  var status = document.getElementById("filter-status");
  var items = Array.prototype.slice.call(timeline.querySelectorAll(".month__events > li"));
  var digits = timeline.getAttribute("data-digits") === "arab" ? "arab" : "latn";
  var numbers;
  try {
    numbers = new Intl.NumberFormat("ar-u-nu-" + digits, { useGrouping: false });
  } catch (e) {
    numbers = { format: String };
  }
  var rtl = (document.documentElement.getAttribute("dir") || "rtl") === "rtl";
  var NEXT = rtl ? "ArrowLeft" : "ArrowRight";
  var PREV = rtl ? "ArrowRight" : "ArrowLeft";
  var current = "";

  function actorsOf(li) {
    var card = li.querySelector("[data-actors]");
    var value = card ? card.getAttribute("data-actors") : "";
    return value ? value.split(" ") : [];
  }

  function setStatus(chip, shown) {
    while (status.firstChild) {
      status.removeChild(status.firstChild);
    }
    if (!chip) {
      status.hidden = true;
      return;
    }
    var name = chip.firstChild ? chip.firstChild.textContent.trim() : "";
    // The name may be Latin: isolate it so its direction cannot reorder the sentence.
    var who = document.createElement("bdi");
    who.textContent = name;
    status.appendChild(document.createTextNode("الأحداث التي يرد فيها "));
    status.appendChild(who);
    status.appendChild(
      document.createTextNode(
        ": " + numbers.format(shown) + " من " + numbers.format(items.length) + ". "
      )
    );
    var page = document.createElement("a");
    page.href = chip.getAttribute("href");
    page.textContent = "صفحة " + name;
    status.appendChild(page);
    var clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "إظهار كل الأحداث";
    clear.addEventListener("click", function () {
      apply("", true);
      chip.focus();
    });
    status.appendChild(clear);
    status.hidden = false;
  }

  function apply(slug, push) {
    current = slug;
    var chosen = null;
    chips.forEach(function (chip) {
      var on = chip.getAttribute("data-actor") === slug;
      chip.setAttribute("aria-pressed", on ? "true" : "false");
      if (on) {
        chosen = chip;
      }
    });
    if (!chosen) {
      current = "";
    }
    var shown = 0;
    items.forEach(function (li) {
      var visible = !current || actorsOf(li).indexOf(current) !== -1;
      li.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    // A month or year with no visible card disappears with its heading.
    Array.prototype.forEach.call(timeline.querySelectorAll(".month, .year"), function (group) {
      group.hidden = !group.querySelector(".month__events > li:not([hidden])");
    });
    setStatus(chosen, shown);
    if (push && window.history && history.replaceState) {
      var address = current
        ? "#actor=" + encodeURIComponent(current)
        : location.pathname + location.search;
      history.replaceState(null, "", address);
    }
  }

  function move(list, from, step) {
    var i = list.indexOf(from);
    if (i === -1) {
      return;
    }
    var to = list[(i + step + list.length) % list.length];
    if (to) {
      to.focus();
    }
    return to;
  }

  // The actor links become a toolbar of toggle buttons.
  var list = filter.querySelector(".filter__list");
  list.setAttribute("role", "toolbar");
  list.setAttribute("aria-label", "تصفية الأحداث حسب الفاعل");
  list.setAttribute("aria-controls", "timeline");
  // A toolbar holds buttons, not list items: the <li>s step aside (axe: listitem).
  Array.prototype.forEach.call(list.children, function (li) {
    li.setAttribute("role", "none");
  });
  chips.forEach(function (chip, i) {
    chip.setAttribute("role", "button");
    chip.setAttribute("aria-pressed", "false");
    chip.tabIndex = i === 0 ? 0 : -1;
    chip.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1) {
        return; // opening the actor's page in a new tab stays possible
      }
      event.preventDefault();
      var slug = chip.getAttribute("data-actor");
      apply(current === slug ? "" : slug, true);
    });
    chip.addEventListener("keydown", function (event) {
      var to = null;
      if (event.key === " " || event.key === "Spacebar") {
        event.preventDefault();
        chip.click();
        return;
      }
      if (event.key === NEXT) {
        to = move(chips, chip, 1);
      } else if (event.key === PREV) {
        to = move(chips, chip, -1);
      } else if (event.key === "Home") {
        to = chips[0];
      } else if (event.key === "End") {
        to = chips[chips.length - 1];
      }
      if (to) {
        event.preventDefault();
        chips.forEach(function (c) {
          c.tabIndex = c === to ? 0 : -1;
        });
        to.focus();
      }
    });
  });

  // Arrow keys between the visible cards' title links.
  timeline.addEventListener("keydown", function (event) {
    if (event.key !== NEXT && event.key !== PREV) {
      return;
    }
    var target = event.target;
    if (!target.closest || !target.closest(".card__title")) {
      return;
    }
    var links = items
      .filter(function (li) {
        return !li.hidden;
      })
      .map(function (li) {
        return li.querySelector(".card__title a");
      })
      .filter(Boolean);
    var i = links.indexOf(target);
    var to = links[i + (event.key === NEXT ? 1 : -1)];
    if (to) {
      event.preventDefault();
      to.focus();
    }
  });

  function fromHash() {
    var match = /^#actor=(.+)$/.exec(location.hash);
    var slug = "";
    if (match) {
      try {
        slug = decodeURIComponent(match[1]);
      } catch (e) {
        slug = "";
      }
    }
    apply(slug, false);
  }

  window.addEventListener("hashchange", fromHash);
  fromHash();
})();

/* Focus never ends hidden under the sticky year and month headings (WCAG 2.2
 * "focus not obscured"). html's scroll-padding keeps a #link clear of them,
 * but a browser does not scroll for focus at all while the element is
 * anywhere in the viewport, even under a heading: so when it is, scroll it
 * just below the lowest heading that is stuck over it. */
(function () {
  "use strict";

  var timeline = document.getElementById("timeline");
  if (!timeline || !window.getComputedStyle) {
    return;
  }
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (!el || !el.getClientRects || !timeline.contains(el)) {
      return;
    }
    // At once, so that the browser may find the element in view and leave
    // it; and again after any scroll of the next moments, since the browser
    // may bring the element into view after this handler (to the very top).
    clear(el);
    watched = el;
    clearTimeout(watchEnd);
    watchEnd = setTimeout(function () {
      watched = null;
    }, 600);
    requestAnimationFrame(function () {
      clear(el);
    });
  });

  var watched = null;
  var watchEnd = 0;
  var queued = false;
  window.addEventListener(
    "scroll",
    function () {
      if (!watched || queued) {
        return;
      }
      queued = true;
      requestAnimationFrame(function () {
        queued = false;
        if (watched && document.activeElement === watched) {
          clear(watched);
        }
      });
    },
    { passive: true }
  );

  // Scroll `el` just below any heading drawn over it; a heading that sticks
  // once we scroll may cover it in turn, hence a few rounds.
  function clear(el) {
    var headings = timeline.querySelectorAll(".year__title, .month__title");
    for (var round = 0; round < 3; round++) {
      var box = el.getClientRects()[0] || el.getBoundingClientRect();
      var cover = 0;
      for (var i = 0; i < headings.length; i++) {
        var h = headings[i].getBoundingClientRect();
        var over = h.top < box.bottom && h.bottom > box.top && h.left < box.right && box.left < h.right;
        if (over && h.bottom > cover) {
          cover = h.bottom;
        }
      }
      if (cover) {
        window.scrollBy({ top: box.top - cover - 12, behavior: "instant" });
      } else if (box.bottom > window.innerHeight) {
        window.scrollBy({ top: box.bottom - window.innerHeight + 12, behavior: "instant" });
      } else {
        return;
      }
    }
  }
})();
