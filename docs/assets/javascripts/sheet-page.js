/* The coach's sheet page (`sheet/`), loaded by that page alone, after sheet.js (the address)
 * and moved-anchors.js (where moved entries went).
 *
 * The page renders each exercise from its JSON (api/v1/exercises/<slug>.json) and takes the
 * setup figure and the old ids (aliases) from its page, so a renamed slug (the old page is a
 * redirect page) and an old step or FAQ id land where deep links land. An entry that is not on
 * its exercise any more may have moved to another one: only then is the site's map of moved
 * anchors read, and the entry shown under the exercise it moved to, the address rewritten to
 * its new place. Everything that comes from the address or the data is written with
 * textContent: a note is shown as typed. The sheet as a plain-text list (copied, mailed,
 * shared) is for a reader whose browser runs no script: plain links work anywhere.
 */
(function () {
  "use strict";

  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var SVG = "http://www.w3.org/2000/svg";
  var CACHE_REPLY_TIMEOUT = 60000;
  var LIST_TITLE = "Exercise sheet";
  var sheet = window.exerciseSheet;
  var parse = sheet.parse;
  var serialise = sheet.serialise;
  var store = sheet.store;

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  }

  function link(href, text) {
    var a = element("a", "", text);
    a.href = href;
    return a;
  }

  function button(className, text, label, action) {
    var b = element("button", className, text);
    b.type = "button";
    if (label) {
      b.setAttribute("aria-label", label);
    }
    b.addEventListener("click", action);
    return b;
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  // A page of the site as a document that runs nothing: DOMParser never executes its scripts.
  function getPage(url) {
    return fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        return text === null ? null : new DOMParser().parseFromString(text, "text/html");
      })
      .catch(function () { return null; });
  }

  function slugOfPage(href) {
    var match = /exercises\/([^/]+)\/?(?:[?#].*)?$/.exec(href || "");
    return match && ID.test(match[1]) ? match[1] : null;
  }

  function qrCode(text) {
    if (typeof window.qrcode !== "function") {
      return null;
    }
    var code = window.qrcode(0, "M");
    code.addData(text);
    code.make();
    var size = code.getModuleCount();
    var quiet = 2;
    var path = "";
    for (var row = 0; row < size; row += 1) {
      for (var col = 0; col < size; col += 1) {
        if (code.isDark(row, col)) {
          path += "M" + (col + quiet) + " " + (row + quiet) + "h1v1h-1z";
        }
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    var full = size + 2 * quiet;
    svg.setAttribute("viewBox", "0 0 " + full + " " + full);
    svg.setAttribute("class", "sheet-qr");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "QR code of " + text);
    svg.setAttribute("shape-rendering", "crispEdges");
    var back = document.createElementNS(SVG, "rect");
    back.setAttribute("width", String(full));
    back.setAttribute("height", String(full));
    back.setAttribute("fill", "#fff");
    var dots = document.createElementNS(SVG, "path");
    dots.setAttribute("d", path);
    dots.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(dots);
    svg.dataset.url = text;
    return svg;
  }

  function sheetPage(article) {
    var root = article.dataset.root || "../";
    var noteLimit = parseInt(article.dataset.noteLimit, 10) || 500;
    var list = article.querySelector(".sheet-list");
    var status = article.querySelector(".sheet-status");
    var empty = article.querySelector(".sheet-empty");
    var tools = article.querySelector(".sheet-tools");
    var groups = parse(window.location.search);
    status.tabIndex = -1;
    var loaded = [];
    var siteRoot = new URL(root, window.location.href);
    var ready = false;
    var plain = {
      copy: article.querySelector(".sheet-copy-list"),
      email: article.querySelector(".sheet-email"),
      share: article.querySelector(".sheet-share"),
      box: article.querySelector(".sheet-plain"),
      text: article.querySelector(".sheet-plain-text")
    };

    function say(text) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 30);
    }

    function update(edited) {
      var query = serialise(groups);
      history.replaceState(history.state, "", window.location.pathname + query);
      if (edited) {
        store(query);
      }
      empty.hidden = groups.length > 0;
      if (ready) {
        showList();
      }
    }

    function jsonUrl(slug) {
      return root + "api/v1/exercises/" + slug + ".json";
    }

    function pageUrl(slug) {
      return root + "exercises/" + slug + "/";
    }

    function resolve(slug) {
      if (!ID.test(slug)) {
        return Promise.resolve(null);
      }
      return Promise.all([getJson(jsonUrl(slug)), getPage(pageUrl(slug))]).then(function (got) {
        if (got[0]) {
          return { slug: slug, data: got[0], page: got[1] };
        }
        // A renamed exercise: its old address is a page that says where it went.
        var moved = got[1] && got[1].getElementById("redirect-target");
        var now = moved && slugOfPage(
          new URL(moved.getAttribute("href"), new URL(pageUrl(slug), window.location.href)).pathname
        );
        if (!now || now === slug) {
          return null;
        }
        return Promise.all([getJson(jsonUrl(now)), getPage(pageUrl(now))]).then(function (again) {
          return again[0] ? { slug: now, data: again[0], page: again[1] } : null;
        });
      });
    }

    // The entry `id` names now: its own id, an old id the JSON lists, or an old id whose
    // element on the page says which entry it belongs to.
    function entryOf(kind, id, found) {
      var entries = (kind === "step" ? found.data.instructions : found.data.faq) || [];
      var byId = function (wanted) {
        return entries.filter(function (e) { return e.id === wanted; })[0] || null;
      };
      var entry = byId(id) || entries.filter(function (e) {
        return (e.aliases || []).indexOf(id) >= 0;
      })[0];
      if (!entry && found.page && ID.test(id)) {
        var old = found.page.getElementById(kind === "step" ? "step-" + id : id);
        var now = old && old.getAttribute("data-alias-of");
        if (now) {
          entry = byId(kind === "step" ? now.replace(/^step-/, "") : now);
        }
      }
      return entry || null;
    }

    // The data's URLs are the published ones (under the configured site address). Links on
    // screen go to this copy of the site instead (a preview, or the offline cache); the printed
    // address and its QR code stay the published deep link.
    var publishedRoot = null;

    function here(url) {
      if (publishedRoot && url.indexOf(publishedRoot) === 0) {
        return root + url.slice(publishedRoot.length);
      }
      return url;
    }

    function published(url) {
      return new URL(url, window.location.href).href;
    }

    function moveControls(item, label, move, remove) {
      var box = element("div", "sheet-controls");
      box.appendChild(button("sheet-up", "↑", "Move " + label + " up", function () { move(-1, this); }));
      box.appendChild(button("sheet-down", "↓", "Move " + label + " down", function () { move(1, this); }));
      box.appendChild(button("sheet-remove", "Remove", "Remove " + label, remove));
      return box;
    }

    function placed(array, item, by) {
      var at = array.indexOf(item);
      var to = at + by;
      if (to < 0 || to >= array.length) {
        return false;
      }
      array.splice(at, 1);
      array.splice(to, 0, item);
      return true;
    }

    function withQr(container, url) {
      var address = published(url);
      var qr = qrCode(address);
      var box = element("div", "sheet-qr-box");
      if (qr) {
        box.appendChild(qr);
      }
      box.appendChild(element("span", "sheet-url", address));
      container.appendChild(box);
    }

    function renderCredits(data) {
      var credits = data.credits || [];
      if (!credits.length) {
        return null;
      }
      var p = element("p", "sheet-credit");
      credits.forEach(function (c, i) {
        var part = element("span");
        part.appendChild(document.createTextNode((i ? " " : "") + "Text"));
        if (c.title) {
          part.appendChild(document.createTextNode(" from "));
          var cite = element("cite", "", c.title);
          part.appendChild(cite);
        }
        if (c.author && c.author.length) {
          part.appendChild(document.createTextNode(" by " + c.author.join(", ")));
        }
        part.appendChild(document.createTextNode(", licensed under "));
        if (c.license_url) {
          var l = link(c.license_url, c.license_name || c.license);
          l.rel = "license noopener";
          part.appendChild(l);
        } else {
          part.appendChild(document.createTextNode(c.license_name || c.license));
        }
        part.appendChild(document.createTextNode("."));
        p.appendChild(part);
      });
      return p;
    }

    function renderEntries(g, found, body) {
      var steps = (found && found.data.instructions) || [];
      var chosenSteps = {};
      var answers = element("div", "sheet-answers");
      var unknown = element("ul", "sheet-unknown-entries");
      g.entries.forEach(function (e) {
        var entry = found && entryOf(e.kind, e.id, found);
        if (!entry) {
          var kind = e.kind === "step" ? "step" : "answer";
          unknown.appendChild(element("li", "sheet-unknown", "Unknown " + kind + " “" + e.id + "”: not on this exercise (any more)."));
          return;
        }
        e.id = entry.id;
        if (e.kind === "step") {
          chosenSteps[entry.id] = true;
          return;
        }
        var details = element("details", "sheet-answer");
        details.open = true;
        details.dataset.id = entry.id;
        details.appendChild(element("summary", "", entry.question));
        var inner = element("div", "sheet-answer-body");
        inner.appendChild(element("p", "", (entry.answer && entry.answer.plain) || ""));
        var go = element("p", "sheet-entry-link");
        go.appendChild(link(here(entry.url), "The answer on its page"));
        inner.appendChild(go);
        withQr(inner, entry.url);
        var label = "answer “" + entry.question + "”";
        inner.appendChild(moveControls(details, label, function (by, pressed) {
          if (placed(g.entries, e, by)) {
            renderGroup(g);
            update(true);
            focusLater(g, "[data-id='" + entry.id + "'] ." + pressed.className);
          }
        }, function () {
          g.entries.splice(g.entries.indexOf(e), 1);
          renderGroup(g);
          update(true);
          say("Removed " + label + ".");
        }));
        details.appendChild(inner);
        answers.appendChild(details);
      });
      var chosen = steps.filter(function (s) { return g.ex || chosenSteps[s.id]; });
      if (chosen.length) {
        var ol = element("ol", "sheet-steps");
        steps.forEach(function (s, i) {
          if (!(g.ex || chosenSteps[s.id])) {
            return;
          }
          var li = element("li", chosenSteps[s.id] ? "is-chosen" : "", s.text);
          li.value = i + 1;
          li.dataset.id = s.id;
          if (chosenSteps[s.id]) {
            withQr(li, s.url);
            var e = g.entries.filter(function (x) { return x.kind === "step" && x.id === s.id; })[0];
            li.appendChild(button("sheet-remove", "Remove", "Remove step " + (i + 1), function () {
              g.entries.splice(g.entries.indexOf(e), 1);
              renderGroup(g);
              update(true);
              say("Removed step " + (i + 1) + ".");
            }));
          }
          ol.appendChild(li);
        });
        body.appendChild(ol);
      }
      if (answers.childNodes.length) {
        body.appendChild(answers);
      }
      if (unknown.childNodes.length) {
        body.appendChild(unknown);
      }
    }

    function renderNote(g, name, body) {
      var box = element("div", "sheet-note");
      var label = element("label", "", "Note for " + name);
      var area = element("textarea");
      area.maxLength = noteLimit;
      area.rows = 2;
      area.value = g.note;
      var shown = element("p", "sheet-note-text", g.note);
      shown.hidden = !g.note;
      area.addEventListener("input", function () {
        g.note = area.value;
        shown.textContent = g.note;
        shown.hidden = !g.note;
        update(true);
      });
      label.appendChild(area);
      box.appendChild(label);
      box.appendChild(shown);
      body.appendChild(box);
    }

    function figureOf(found) {
      var figure = found.page && found.page.querySelector(".stance-figure .stance-view svg");
      if (figure) {
        var box = element("div", "sheet-figure");
        box.appendChild(document.importNode(figure, true));
        return box;
      }
      var image = (found.data.media || []).filter(function (m) {
        return m && m.kind === "image" && m.url;
      })[0];
      if (image) {
        var img = element("img");
        img.src = here(image.url);
        img.alt = image.alt || "";
        var holder = element("div", "sheet-figure");
        holder.appendChild(img);
        return holder;
      }
      return null;
    }

    function renderGroup(g) {
      var item = g.item;
      var found = g.found;
      item.textContent = "";
      item.className = "sheet-exercise" + (found ? "" : " is-unknown");
      var name = found ? found.data.name : g.slug;
      var head = element("div", "sheet-head");
      var h2 = element("h2");
      // Where focus goes when the exercise before it is removed.
      h2.tabIndex = -1;
      if (found) {
        h2.appendChild(link(here(found.data.url), found.data.name));
      } else {
        h2.textContent = "Unknown exercise “" + g.slug + "”";
      }
      head.appendChild(h2);
      head.appendChild(moveControls(item, name, function (by, pressed) {
        if (placed(groups, g, by)) {
          list.textContent = "";
          groups.forEach(function (x) { list.appendChild(x.item); });
          update(true);
          pressed.focus();
          say("Moved " + name + (by < 0 ? " up." : " down."));
        }
      }, function () {
        var at = groups.indexOf(g);
        groups.splice(at, 1);
        item.remove();
        update(true);
        say("Removed " + name + " from the sheet.");
        var next = groups[at] || groups[at - 1];
        (next ? next.item.querySelector("h2") : status).focus();
      }));
      item.appendChild(head);
      var body = element("div", "sheet-body");
      if (!found) {
        body.appendChild(element("p", "", "This site has no exercise with the name “" + g.slug + "” in its address: it may have been removed, or the link was cut short."));
      } else {
        var figure = figureOf(found);
        if (figure) {
          body.appendChild(figure);
        }
        var main = element("div", "sheet-main");
        if (found.data.summary) {
          main.appendChild(element("p", "sheet-summary", found.data.summary));
        }
        renderEntries(g, found, main);
        renderNote(g, name, main);
        var credits = renderCredits(found.data);
        if (credits) {
          main.appendChild(credits);
        }
        body.appendChild(main);
        var side = element("div", "sheet-side");
        withQr(side, found.data.url);
        body.appendChild(side);
      }
      if (!found) {
        renderEntries(g, null, body);
        renderNote(g, name, body);
      }
      item.appendChild(body);
    }

    function focusLater(g, selector) {
      var target = g.item.querySelector(selector);
      if (target) {
        target.focus();
      }
    }

    function found(g, exercise) {
      g.found = exercise;
      if (exercise) {
        g.slug = exercise.slug;
        var at = (exercise.data.url || "").lastIndexOf("exercises/" + exercise.slug + "/");
        if (at >= 0 && publishedRoot === null) {
          publishedRoot = exercise.data.url.slice(0, at);
        }
        if (loaded.indexOf(exercise) < 0) {
          loaded.push(exercise);
        }
      }
    }

    function fetched(slug) {
      return resolve(slug).then(null, function () { return null; });
    }

    // One exercise of the sheet; shown at once unless one of its entries is not on it.
    function load(g) {
      g.asked = g.slug;
      return fetched(g.slug).then(function (exercise) {
        found(g, exercise);
        if (!astray(g).length) {
          renderGroup(g);
          g.shown = true;
        }
      });
    }

    // The entries of `g` that its exercise does not hold under any of their ids.
    function astray(g) {
      return g.entries.filter(function (e) {
        return !(g.found && entryOf(e.kind, e.id, g.found));
      });
    }

    // `{slug, id}` of the new place of an entry the map lists under `page`, or null.
    function newPlace(url, kind) {
      var path = decodeURIComponent(url.pathname);
      var from = decodeURIComponent(siteRoot.pathname);
      var slug = path.indexOf(from) === 0 && slugOfPage(path.slice(from.length));
      var anchor = decodeURIComponent(url.hash.slice(1));
      var prefix = kind === "step" ? "step-" : "";
      var id = anchor.indexOf(prefix) === 0 ? anchor.slice(prefix.length) : "";
      return slug && ID.test(id) ? { slug: slug, id: id } : null;
    }

    // Where entry `e` of `g` went, if it moved: under the slug the sheet names (its page may be
    // a redirect now) or the exercise's current one.
    function movedTo(g, e) {
      var anchor = (e.kind === "step" ? "step-" : "") + e.id;
      var pages = [g.asked, g.slug].filter(function (slug, i, all) {
        return ID.test(slug) && all.indexOf(slug) === i;
      });
      function ask(i) {
        if (i >= pages.length || !window.movedAnchors) {
          return Promise.resolve(null);
        }
        var page = "exercises/" + pages[i] + "/";
        return window.movedAnchors.place(siteRoot, page, anchor).then(function (url) {
          return (url && newPlace(url, e.kind)) || ask(i + 1);
        });
      }
      return ask(0).then(null, function () { return null; });
    }

    function groupOf(slug) {
      return groups.filter(function (g) { return g.found && g.slug === slug; })[0] || null;
    }

    // The entry of `move` joins the exercise it moved to, named there by its current id. An
    // exercise not on the sheet joins it right after the one the entry left, with the entries
    // that moved to it alone (not the whole exercise).
    function land(move, exercises) {
      var target = groupOf(move.to.slug);
      var exercise = target ? target.found : exercises[move.to.slug];
      var entry = exercise && entryOf(move.entry.kind, move.to.id, exercise);
      if (!entry) {
        return false;
      }
      target = target || groupOf(exercise.slug);
      if (target === move.from) {
        return false;
      }
      if (!target) {
        target = { slug: exercise.slug, ex: false, entries: [], note: "", asked: exercise.slug };
        found(target, exercise);
        var after = move.from.joined || move.from;
        groups.splice(groups.indexOf(after) + 1, 0, target);
        target.item = element("li", "sheet-exercise");
        list.insertBefore(target.item, after.item.nextSibling);
        move.from.joined = target;
      }
      move.from.entries.splice(move.from.entries.indexOf(move.entry), 1);
      move.from.left = true;
      var there = target.entries.some(function (x) {
        return x.kind === move.entry.kind && x.id === entry.id;
      });
      if (!there) {
        target.entries.push({ kind: move.entry.kind, id: entry.id });
      }
      target.shown = false;
      return true;
    }

    // Entries not on their exercise: the map of moved anchors is read for these alone. An
    // exercise that only held entries that moved away leaves the sheet. Gives how many moved.
    function relocate() {
      var asks = [];
      groups.forEach(function (g) {
        astray(g).forEach(function (e) {
          asks.push(movedTo(g, e).then(function (to) {
            return to && { from: g, entry: e, to: to };
          }));
        });
      });
      if (!asks.length) {
        return 0;
      }
      return Promise.all(asks).then(function (moves) {
        moves = moves.filter(Boolean);
        var exercises = {};
        var wanted = moves.map(function (m) { return m.to.slug; }).filter(function (slug, i, all) {
          return !groupOf(slug) && all.indexOf(slug) === i;
        });
        return Promise.all(wanted.map(function (slug) {
          return fetched(slug).then(function (exercise) { exercises[slug] = exercise; });
        })).then(function () {
          var moved = moves.filter(function (m) { return land(m, exercises); }).length;
          groups = groups.filter(function (g) {
            var gone = g.left && !g.ex && !g.entries.length && !g.note;
            if (gone) {
              g.item.remove();
            }
            return !gone;
          });
          return moved;
        });
      });
    }

    // The steps (in the exercise's order) and the answers (in the sheet's) chosen in `g`, as
    // the plain list names them.
    function chosen(g) {
      if (!g.found) {
        return [];
      }
      var picked = {};
      var answers = [];
      g.entries.forEach(function (e) {
        var entry = entryOf(e.kind, e.id, g.found);
        if (entry && e.kind === "step") {
          picked[entry.id] = true;
        } else if (entry) {
          answers.push({ label: entry.question, url: entry.url });
        }
      });
      var steps = [];
      (g.found.data.instructions || []).forEach(function (step, i) {
        if (picked[step.id]) {
          steps.push({ label: "Step " + (i + 1) + ": " + step.text, url: step.url });
        }
      });
      return steps.concat(answers);
    }

    // The sheet as plain text, for a reader whose browser runs no script and for a message:
    // each exercise's name and page, each chosen entry and its deep link (the published
    // addresses, as the QR codes hold them), and the note as typed. Text, never markup.
    function plainList() {
      var lines = ["Exercise sheet"];
      groups.forEach(function (g) {
        var data = g.found && g.found.data;
        lines.push("", data ? data.name : "Unknown exercise “" + g.slug + "”");
        if (data) {
          lines.push(published(data.url));
        }
        chosen(g).forEach(function (c) {
          lines.push("- " + c.label, "  " + published(c.url));
        });
        if (g.note) {
          lines.push("Note: " + g.note);
        }
      });
      return lines.join("\n") + "\n";
    }

    function showList() {
      var text = plainList();
      var some = groups.length > 0;
      plain.text.value = text;
      plain.box.hidden = !some;
      plain.copy.hidden = !some;
      plain.share.hidden = !some || typeof navigator.share !== "function";
      plain.email.hidden = !some;
      // RFC 6068: a line break in a mailto body is CRLF.
      plain.email.href = "mailto:?subject=" + encodeURIComponent(LIST_TITLE) + "&body=" +
        encodeURIComponent(text.replace(/\n/g, "\r\n"));
    }

    function copyList() {
      var text = plainList();
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error("no clipboard"));
      copied.then(function () {
        say("Copied the sheet as a list, with a plain link for each exercise and answer.");
      }, function () {
        plain.box.open = true;
        plain.text.focus();
        plain.text.select();
        say("Could not copy the list: it is in the box below, selected, to copy from there.");
      });
    }

    function done() {
      update(false);
      article.dataset.sheetState = "ready";
      tools.hidden = false;
      ready = true;
      showList();
      plain.copy.addEventListener("click", copyList);
      plain.share.addEventListener("click", function () {
        navigator.share({ title: LIST_TITLE, text: plainList() }).catch(function () {
          // The reader closed the share sheet: nothing to say.
        });
      });
      var offline = article.querySelector(".sheet-offline");
      if ("serviceWorker" in navigator && window.caches && groups.length) {
        offline.hidden = false;
        offline.addEventListener("click", function () { saveOffline(offline); });
      }
    }

    function assets(doc) {
      var urls = [];
      doc.querySelectorAll("link[rel~='stylesheet'][href], link[rel~='icon'][href], script[src], img[src]").forEach(function (el) {
        urls.push(el.getAttribute("href") || el.getAttribute("src"));
      });
      return urls;
    }

    function toSave() {
      var base = new URL(root, window.location.href);
      var urls = [window.location.pathname, new URL("sheet/", base).pathname];
      urls = urls.concat(assets(document).map(function (u) { return new URL(u, window.location.href).href; }));
      // The sheet's own link may still name an entry's old place: offline, it lands through
      // the map as it does online.
      var map = window.movedAnchors && window.movedAnchors.fetched(siteRoot);
      if (map) {
        urls.push(map);
      }
      loaded.forEach(function (found) {
        var page = new URL("exercises/" + found.slug + "/", base);
        urls.push(page.href, new URL("api/v1/exercises/" + found.slug + ".json", base).href);
        if (found.page) {
          assets(found.page).forEach(function (u) { urls.push(new URL(u, page).href); });
        }
        (found.data.media || []).forEach(function (m) {
          // The setup picture as the sheet shows it; a video loop stays online.
          if (m && m.kind === "image" && m.url) {
            urls.push(new URL(here(m.url), window.location.href).href);
          }
        });
      });
      // Only this site's own files, and each once.
      var seen = {};
      return urls.map(function (u) { return new URL(u, window.location.href); }).filter(function (u) {
        var key = u.origin + u.pathname;
        var keep = u.origin === window.location.origin && !seen[key];
        seen[key] = true;
        return keep;
      }).map(function (u) { return u.origin + u.pathname; });
    }

    function saveOffline(control) {
      control.disabled = true;
      say("Saving this sheet for offline use…");
      var scope = new URL(root, window.location.href).href;
      navigator.serviceWorker.register(scope + "sw.js", { scope: scope })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) {
          return new Promise(function (resolve, reject) {
            var channel = new MessageChannel();
            var timer = window.setTimeout(function () { reject(new Error("no answer")); }, CACHE_REPLY_TIMEOUT);
            channel.port1.onmessage = function (event) {
              window.clearTimeout(timer);
              (event.data && event.data.ok ? resolve : reject)(event.data);
            };
            registration.active.postMessage({ type: "save", urls: toSave() }, [channel.port2]);
          });
        })
        .then(function (reply) {
          article.dataset.offlineBytes = String(reply.bytes);
          article.dataset.offlineFiles = String(reply.files);
          say("Saved for offline: " + reply.files + " files, " + Math.round(reply.bytes / 1024) + " kB. Open this same link without a network to see it.");
        }, function (reply) {
          say("Could not save for offline" + (reply && reply.error ? ": " + reply.error : "") + ".");
        })
        .then(function () { control.disabled = false; });
    }

    article.querySelector(".sheet-print").addEventListener("click", function () { window.print(); });
    empty.hidden = groups.length > 0;
    if (!groups.length) {
      done();
      return;
    }
    groups.forEach(function (g) {
      g.item = element("li", "sheet-exercise is-loading", "Loading " + g.slug + "…");
      list.appendChild(g.item);
    });
    Promise.all(groups.map(load))
      .then(relocate)
      .then(null, function () { return 0; })
      .then(function (moved) {
        groups.forEach(function (g) {
          if (!g.shown) {
            renderGroup(g);
            g.shown = true;
          }
        });
        done();
        if (moved) {
          say((moved === 1 ? "An entry of this sheet has" : moved + " entries of this sheet have") +
            " moved to another exercise since the sheet was made: each is shown under the" +
            " exercise it moved to, and the sheet's address names its new place.");
        }
      });
  }

  function start() {
    var article = document.querySelector("[data-sheet]");
    if (article) {
      sheetPage(article);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
