/* The filter on the browse page: muscle, equipment and level combined, kept in the URL
   (browse/?muscle=glutes&equipment=none) so a coach can send a filtered list. It reads the
   groups' exercise lists from browse/data/ and their names from the search index's entries.
   Without JavaScript the form is hidden (noscript.css) and the page's plain browse links do
   the job; while a filter is chosen, its results take their place. */
(function () {
  "use strict";

  var PAGE = 50;

  function setUp(form) {
    var root = form.getAttribute("data-browse-root");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = form.querySelector(".browse-form__status");
    var list = form.querySelector(".browse-form__results");
    var more = form.querySelector(".browse-form__more");
    function fetchJson(url) {
      return fetch(url).then(function (response) {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
    }
    var core = window.FindCore.createSearch(function (path) {
      return fetchJson(root + "search/" + path);
    });
    var ids = [];
    var shown = 0;
    var asked = 0;
    var note = "";

    function chosen() {
      return selects.filter(function (select) {
        return select.value;
      });
    }

    /* The form shows what the address asks for. A value it has no choice for (a typo, a term
       no exercise uses) is dropped from the address too, and the reader told, rather than the
       form saying "Any" while the address still filters. */
    function fromUrl() {
      var params = new URLSearchParams(location.search);
      var dropped = [];
      selects.forEach(function (select) {
        var wanted = params.get(select.name);
        var known = Array.prototype.some.call(select.options, function (option) {
          return option.value === wanted;
        });
        select.value = known ? wanted : "";
        if (wanted && !known) dropped.push(select.name + " \u201c" + wanted + "\u201d");
      });
      if (dropped.length) toUrl();
      return dropped.length ? "No " + dropped.join(" or ") + " here, so it is left out. " : "";
    }

    function toUrl() {
      var params = new URLSearchParams();
      chosen().forEach(function (select) {
        params.set(select.name, select.value);
      });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }

    function showMore() {
      var ask = asked;
      var next = ids.slice(shown, shown + PAGE);
      shown += next.length;
      core.meta().then(function (m) {
        return Promise.all(
          next.map(function (id) {
            return core.entry(m, id);
          })
        );
      }).then(function (entries) {
        if (ask !== asked) return;
        entries.forEach(function (entry) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = root + entry.url;
          link.textContent = entry.title;
          item.appendChild(link);
          if (entry.context) item.appendChild(document.createTextNode(": " + entry.context));
          list.appendChild(item);
        });
        more.hidden = shown >= ids.length;
      });
    }

    var article = form.closest("article") || form.parentNode;

    function run() {
      var ask = ++asked;
      var picked = chosen();
      list.textContent = "";
      more.hidden = true;
      article.classList.toggle("browse--filtering", picked.length > 0);
      if (!picked.length) {
        status.textContent = note + "Choose a muscle, equipment or level.";
        return;
      }
      Promise.all(
        picked.map(function (select) {
          // A choice no exercise has (no equipment, on a site where each needs some) has no list.
          if (select.selectedOptions[0].hasAttribute("data-empty")) return [];
          return fetchJson(root + "browse/data/" + select.name + "/" + select.value + ".json");
        })
      ).then(function (lists) {
        if (ask !== asked) return;
        var sets = lists.map(function (deltas) {
          return core.decode(deltas || []);
        });
        sets.sort(function (a, b) {
          return a.length - b.length;
        });
        var others = sets.slice(1).map(function (s) {
          return new Set(s);
        });
        ids = sets[0].filter(function (id) {
          return others.every(function (s) {
            return s.has(id);
          });
        });
        shown = 0;
        var n = ids.length;
        status.textContent =
          note + (n ? n + (n === 1 ? " exercise" : " exercises") : "No exercise matches all of these.");
        showMore();
      });
    }

    note = fromUrl();
    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        note = "";
        toUrl();
        run();
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    more.addEventListener("click", showMore);
    run();
  }

  function start() {
    var form = document.querySelector("form.browse-form");
    if (form && window.FindCore) setUp(form);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
