/* The coach's sheet: what both of its pages share, and "Add to sheet" on exercise pages.
 *
 * The sheet is its address: `sheet/?ex=<slug>&step=<slug>/<id>&faq=<slug>/<id>&note=<slug>/<text>`,
 * parameters repeated in the sheet's order (see build_tools/site/sheet.py). Nothing leaves the
 * browser: the sheet under construction is kept in the "Your sheet" link and, as the reader's
 * own copy, in localStorage.
 *
 * The sheet page itself is sheet-page.js, loaded by that page alone: an exercise page carries
 * only the reading and writing of the address it needs for "Add to sheet".
 */
(function () {
  "use strict";

  var STORE = "exercise-sheet";

  // The sheet as data: exercises in order, each with its chosen entries and its note.
  function parse(query) {
    var groups = [];
    var bySlug = {};
    function group(slug) {
      if (!bySlug[slug]) {
        bySlug[slug] = { slug: slug, ex: false, entries: [], note: "" };
        groups.push(bySlug[slug]);
      }
      return bySlug[slug];
    }
    new URLSearchParams(query).forEach(function (value, key) {
      var at = value.indexOf("/");
      if (key === "ex" && value) {
        group(value).ex = true;
      } else if ((key === "step" || key === "faq") && at > 0) {
        var entries = group(value.slice(0, at)).entries;
        var id = value.slice(at + 1);
        if (!entries.some(function (e) { return e.kind === key && e.id === id; })) {
          entries.push({ kind: key, id: id });
        }
      } else if (key === "note" && at > 0) {
        var owner = group(value.slice(0, at));
        var text = value.slice(at + 1);
        // A note given twice is kept whole: both parts, one per line.
        owner.note = owner.note ? owner.note + "\n" + text : text;
      }
    });
    return groups;
  }

  function serialise(groups) {
    var params = new URLSearchParams();
    groups.forEach(function (g) {
      if (g.ex) {
        params.append("ex", g.slug);
      }
      g.entries.forEach(function (e) {
        params.append(e.kind, g.slug + "/" + e.id);
      });
      if (g.note) {
        params.append("note", g.slug + "/" + g.note);
      }
    });
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function count(groups) {
    return groups.reduce(function (n, g) { return n + (g.ex ? 1 : 0) + g.entries.length; }, 0);
  }

  function stored() {
    try {
      return window.localStorage.getItem(STORE) || "";
    } catch (error) {
      return "";
    }
  }

  function store(query) {
    try {
      window.localStorage.setItem(STORE, query);
    } catch (error) {
      // Private windows and full storage: the "Your sheet" link still holds the sheet.
    }
  }

  // ---- On an exercise page: "Add to sheet" and "Your sheet (n)".

  function exercisePage(article) {
    var sheetLink = article.querySelector(".sheet-link");
    var root = sheetLink ? sheetLink.getAttribute("href").replace(/sheet\/$/, "") : "../../";
    var groups = parse(stored());

    function find(kind, value) {
      var at = value.indexOf("/");
      var slug = kind === "ex" ? value : value.slice(0, at);
      var g = groups.filter(function (x) { return x.slug === slug; })[0];
      if (!g) {
        return { slug: slug, group: null, present: false };
      }
      var present = kind === "ex" ? g.ex : g.entries.some(function (e) {
        return e.kind === kind && e.id === value.slice(at + 1);
      });
      return { slug: slug, group: g, present: present };
    }

    function show() {
      article.querySelectorAll("a.sheet-add").forEach(function (a) {
        var present = find(a.dataset.sheetKind, a.dataset.sheetValue).present;
        a.classList.toggle("is-on-sheet", present);
        a.firstChild.textContent = present ? "On your sheet" : "Add to sheet";
        a.setAttribute("aria-pressed", present ? "true" : "false");
      });
      if (sheetLink) {
        var query = serialise(groups);
        sheetLink.href = root + "sheet/" + query;
        sheetLink.querySelector(".sheet-count").textContent = String(count(groups));
      }
    }

    function toggle(kind, value) {
      var found = find(kind, value);
      var g = found.group;
      if (!g) {
        g = { slug: found.slug, ex: false, entries: [], note: "" };
        groups.push(g);
      }
      if (kind === "ex") {
        g.ex = !found.present;
      } else {
        var id = value.slice(value.indexOf("/") + 1);
        if (found.present) {
          g.entries = g.entries.filter(function (e) { return !(e.kind === kind && e.id === id); });
        } else {
          g.entries.push({ kind: kind, id: id });
        }
      }
      groups = groups.filter(function (x) { return x.ex || x.entries.length || x.note; });
      store(serialise(groups));
      show();
    }

    article.querySelectorAll("a.sheet-add").forEach(function (a) {
      a.setAttribute("role", "button");
      a.addEventListener("click", function (event) {
        event.preventDefault();
        toggle(a.dataset.sheetKind, a.dataset.sheetValue);
      });
      a.addEventListener("keydown", function (event) {
        // A link answers Enter; as a toggle button it answers Space too.
        if (event.key === " ") {
          event.preventDefault();
          toggle(a.dataset.sheetKind, a.dataset.sheetValue);
        }
      });
    });
    // Another tab's additions.
    window.addEventListener("storage", function (event) {
      if (event.key === STORE) {
        groups = parse(event.newValue || "");
        show();
      }
    });
    show();
  }

  // The sheet page's script reads and writes the same address.
  window.exerciseSheet = { parse: parse, serialise: serialise, store: store };

  function start() {
    var exercise = document.querySelector("article.exercise[data-exercise]");
    if (exercise) {
      exercisePage(exercise);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
