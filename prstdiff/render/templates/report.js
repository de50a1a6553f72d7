/* prstdiff report behaviour: view toggle, filters, and n / p to jump between changes.
   Inlined into the page; it touches nothing outside the document and fetches nothing. */
(function () {
  "use strict";
  var body = document.body;
  var rows = Array.prototype.slice.call(document.querySelectorAll(".row"));
  if (!rows.length) {
    return;
  }
  var shown = document.getElementById("shown");
  var current = null;

  function matches(row, filter) {
    var origin = row.classList.contains("origin");
    if (filter === "all") {
      return true;
    }
    if (filter === "changes") {
      return origin || row.getAttribute("data-change") === "true";
    }
    if (filter === "notable") {
      return row.getAttribute("data-notable") === "true";
    }
    if (filter === "moved") {
      return row.getAttribute("data-moved") === "true";
    }
    return !origin && row.getAttribute("data-status") === filter;
  }

  function press(selector, attribute, value) {
    var buttons = document.querySelectorAll(selector);
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute(attribute) === value));
    }
  }

  function applyFilter(filter) {
    var visible = 0;
    var total = 0;
    rows.forEach(function (row) {
      var show = matches(row, filter);
      row.hidden = !show;
      if (row.classList.contains("pair")) {
        total += 1;
        visible += show ? 1 : 0;
      }
    });
    body.setAttribute("data-filter", filter);
    press(".filter-button", "data-filter", filter);
    if (shown) {
      shown.textContent = visible + " of " + total + " pairs";
    }
  }

  function applyView(view) {
    body.setAttribute("data-view", view);
    press(".view-button", "data-view", view);
  }

  function changes() {
    return rows.filter(function (row) {
      return !row.hidden && row.classList.contains("pair") && row.getAttribute("data-change") === "true";
    });
  }

  function select(row) {
    if (current) {
      current.classList.remove("current");
    }
    current = row;
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "start", behavior: "auto" });
  }

  function jump(step) {
    var list = changes();
    if (!list.length) {
      return;
    }
    var index = current ? list.indexOf(current) : -1;
    if (index < 0) {
      // Nothing selected yet (or it was filtered away): start from the top of the viewport.
      var top = document.querySelector(".toolbar").getBoundingClientRect().bottom;
      index = step > 0 ? -1 : list.length;
      for (var i = 0; i < list.length; i += 1) {
        var rect = list[i].getBoundingClientRect();
        if (step > 0 && rect.top >= top - 1) {
          index = i - 1;
          break;
        }
        if (step < 0 && rect.top < top - 1) {
          index = i + 1;
        }
      }
    }
    var next = Math.min(Math.max(index + step, 0), list.length - 1);
    select(list[next]);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button") : null;
    if (!button) {
      return;
    }
    if (button.hasAttribute("data-filter")) {
      applyFilter(button.getAttribute("data-filter"));
    } else if (button.hasAttribute("data-view")) {
      applyView(button.getAttribute("data-view"));
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var tag = event.target && event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") {
      return;
    }
    if (event.key === "n" || event.key === "j") {
      jump(1);
      event.preventDefault();
    } else if (event.key === "p" || event.key === "k") {
      jump(-1);
      event.preventDefault();
    }
  });

  applyFilter(body.getAttribute("data-filter") || "all");
})();
