/* The search box in the header: results as the reader types, keyboard and touch friendly.
   Also opens the FAQ entry a link's #fragment points at, on arrival and on later hash changes,
   so that a result for a question lands on its answer, open. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 60;
  var LIMIT = 10;

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    target.scrollIntoView({ block: "start" });
  }

  function setUp(form) {
    var input = form.querySelector(".find__input");
    var panel = form.querySelector(".find__panel");
    var status = form.querySelector(".find__status");
    var list = form.querySelector(".find__results");
    var root = form.getAttribute("data-find-root");
    var core = window.FindCore.createSearch(function (path) {
      return fetch(root + "search/" + path).then(function (response) {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(response.status + " " + path);
        return response.json();
      });
    });
    var asked = 0;
    var timer = null;
    var active = -1;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function show(open) {
      panel.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
    }

    function activate(index) {
      var all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    /* Text as text nodes and <mark>s: the record's text is never parsed as HTML. */
    function marked(cut) {
      var span = document.createElement("span");
      var at = 0;
      cut.marks.forEach(function (range) {
        if (range[0] < at) return;
        span.appendChild(document.createTextNode(cut.text.slice(at, range[0])));
        var mark = document.createElement("mark");
        mark.textContent = cut.text.slice(range[0], range[1]);
        span.appendChild(mark);
        at = range[1];
      });
      span.appendChild(document.createTextNode(cut.text.slice(at)));
      return span;
    }

    function render(results) {
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      results.forEach(function (result, i) {
        /* The option is the link itself: an option holding a link would be a control inside a
           control (axe: nested-interactive). The list item only lays it out. */
        var item = document.createElement("li");
        item.setAttribute("role", "none");
        item.className = "find__result find__result--" + result.kind;
        var link = document.createElement("a");
        link.id = "find-option-" + i;
        link.setAttribute("role", "option");
        link.setAttribute("aria-selected", "false");
        link.href = root + result.url;
        link.tabIndex = -1;
        var title = marked({ text: result.title, marks: result.titleMarks || [] });
        title.className = "find__title";
        link.appendChild(title);
        var context = result.kind === "faq" ? result.context + " · answer" : result.context;
        if (context) {
          var small = document.createElement("span");
          small.className = "find__context";
          small.textContent = context;
          link.appendChild(small);
        }
        if (result.snippet && result.snippet.text) {
          var snippet = marked(result.snippet);
          snippet.className = "find__snippet";
          link.appendChild(snippet);
        }
        item.appendChild(link);
        list.appendChild(item);
      });
      var n = results.length;
      status.textContent = n ? n + (n === 1 ? " result" : " results") : "No results";
      show(true);
    }

    function run() {
      var query = input.value;
      var ask = ++asked;
      if (!query.trim()) {
        list.textContent = "";
        status.textContent = "";
        show(false);
        return;
      }
      core.search(query, LIMIT).then(
        function (results) {
          if (ask === asked) render(results);
        },
        function () {
          if (ask === asked) {
            list.textContent = "";
            status.textContent = "Search is unavailable right now.";
            show(true);
          }
        }
      );
    }

    function go(index) {
      var all = options();
      var link = all[index >= 0 ? index : 0];
      if (!link) return false;
      show(false);
      input.blur();
      var same = link.pathname === location.pathname && link.search === location.search;
      location.href = link.href;
      if (same) openTarget(); // no page load, and no hashchange if the hash was already there
      return true;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE_MS);
    });
    input.addEventListener("focus", function () {
      if (list.children.length) show(true);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        activate(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Escape") {
        show(false);
        input.blur();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      go(active);
    });
    list.addEventListener("mousedown", function (event) {
      // Keep the focus in the box so the panel stays while the click lands on the link.
      if (event.target.closest("a")) event.preventDefault();
    });
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link) return;
      event.preventDefault();
      go(Array.prototype.indexOf.call(options(), link));
    });
    // The results belong to the box: they go when the focus leaves it (Tab, a tap elsewhere).
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) show(false);
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) show(false);
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  /* The theme's drawer and search toggles are checkboxes; a browser that restores a page's
     form on Back would bring them back checked (the menu open over the page). */
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  });
  window.addEventListener("hashchange", openTarget);
  function start() {
    var form = document.querySelector("form.find");
    if (form && window.FindCore) setUp(form);
    openTarget();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
