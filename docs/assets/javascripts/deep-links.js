/* Deep links into exercise pages, and "Copy link" on FAQ entries.
 *
 * Landing on #id (on load or on a later hash change) opens the FAQ entry that holds the target,
 * scrolls it below the sticky header and highlights it. An old id (an alias, kept after a
 * rename) is replaced in the address bar by the entry's current id, so a link copied from the
 * address bar is the current one. Without this script the page still works: the alias element
 * sits inside its entry, and "Link to this answer" is a plain link.
 *
 * "Copy link" and the printed address of each answer are under the address the page was loaded
 * from, not the configured site address the page carries: a link copied from a preview or a
 * local serve then works where it was copied. The canonical link keeps the site's address.
 *
 * An id that is not on the page may belong to an item that moved to another exercise: only
 * then is the site's map of moved anchors (`moved-anchors.json`, at the site root) fetched,
 * and the reader sent on to the item's new place. Without JavaScript the old page's
 * <noscript> list holds a plain link at the old id instead.
 */
(function () {
  "use strict";

  var TARGETS = ".faq-entry, .exercise-steps > li, .variation-list > li";
  var HIGHLIGHT = "is-deep-link-target";
  // This script sits at `<root>assets/javascripts/`: the site root, whatever path serves it.
  var script = document.currentScript;
  var siteRoot = script ? new URL("../../", script.src) : null;
  var reader = null;

  function pageKey() {
    // The page's address below the site root, as the map lists it: `exercises/heel-press/`.
    var path = decodeURIComponent(window.location.pathname).replace(/index\.html$/, "");
    var root = decodeURIComponent(siteRoot.pathname);
    return path.indexOf(root) === 0 ? path.slice(root.length) : null;
  }

  // The map's reader (moved-anchors.js, shared with the sheet page) is loaded only now: a page
  // whose links all land never fetches it.
  function movedAnchors() {
    if (!reader) {
      reader = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL("moved-anchors.js", script.src).href;
        tag.onload = function () {
          resolve(window.movedAnchors);
        };
        tag.onerror = function () {
          reader = null;
          reject(new Error(tag.src));
        };
        document.head.appendChild(tag);
      });
    }
    return reader;
  }

  function followMove(id) {
    if (!siteRoot || window.location.protocol === "file:") {
      return;
    }
    var key = pageKey();
    if (key === null) {
      return;
    }
    movedAnchors()
      .then(function (moved) {
        return moved.place(siteRoot, key, id);
      })
      .then(function (target) {
        if (target && idFromHash() === id) {
          window.location.replace(target.href);
        }
      })
      .catch(function () {
        // Offline, or no map: the old page's own list of moved items still links the new place.
      });
  }

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function idFromHash() {
    try {
      return decodeURIComponent(window.location.hash.slice(1));
    } catch (error) {
      return "";
    }
  }

  function land() {
    var id = idFromHash();
    var target = id && document.getElementById(id);
    if (!target) {
      if (id) {
        followMove(id);
      }
      return;
    }
    var canonical = target.getAttribute("data-alias-of");
    if (canonical && document.getElementById(canonical)) {
      target = document.getElementById(canonical);
      history.replaceState(history.state, "", "#" + canonical);
    }
    var entry = target.closest(TARGETS);
    var details = target.closest("details");
    if (details) {
      details.open = true;
    }
    document.querySelectorAll("." + HIGHLIGHT).forEach(function (element) {
      element.classList.remove(HIGHLIGHT);
    });
    if (entry) {
      entry.classList.add(HIGHLIGHT);
    }
    // scroll-margin-top in the stylesheet keeps the target below the header; measure anyway,
    // because the header's height changes with the screen and the theme.
    target.scrollIntoView({ block: "start" });
    var hidden = headerBottom() - target.getBoundingClientRect().top;
    if (hidden > 0) {
      window.scrollBy(0, -hidden - 8);
    }
  }

  // The page's own address without its fragment; a file opened from disk has no origin.
  function pageAddress() {
    var location = window.location;
    if (location.origin && location.origin !== "null") {
      return location.origin + location.pathname;
    }
    return location.href.split("#")[0];
  }

  // The address of an entry on this page, from the fragment of `url` (the configured one).
  function here(url) {
    var at = url.indexOf("#");
    return pageAddress() + (at >= 0 ? url.slice(at) : "");
  }

  function showAddresses() {
    document.querySelectorAll(".faq-url").forEach(function (element) {
      element.textContent = here(element.textContent.trim());
    });
  }

  function report(button, copied, url) {
    var region = document.querySelector(".faq-status");
    if (region) {
      // Screen readers speak a change of text: clear first so that a second copy is spoken too.
      region.textContent = "";
      window.setTimeout(function () {
        region.textContent = copied
          ? "Link copied to the clipboard: " + url
          : "Could not copy the link; use “Link to this answer” instead.";
      }, 50);
    }
    button.textContent = copied ? "Copied" : "Copy failed";
    window.setTimeout(function () {
      button.textContent = "Copy link";
    }, 2000);
  }

  function copy(button) {
    var url = here(button.getAttribute("data-copy-url"));
    navigator.clipboard.writeText(url).then(
      function () {
        report(button, true, url);
      },
      function () {
        report(button, false, url);
      }
    );
  }

  function enableCopyButtons() {
    // Without the asynchronous clipboard (plain http, old browsers) the buttons stay hidden and
    // the plain link remains.
    if (!(navigator.clipboard && window.isSecureContext)) {
      return;
    }
    document.querySelectorAll("button.faq-copy[data-copy-url]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(button);
      });
    });
  }

  function openAllForPrint() {
    document.querySelectorAll("details.faq-entry").forEach(function (details) {
      details.open = true;
    });
  }

  enableCopyButtons();
  showAddresses();
  window.addEventListener("hashchange", land);
  window.addEventListener("beforeprint", openAllForPrint);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", land);
  } else {
    land();
  }
  // The theme's own script reveals a targeted <details> once it has loaded; land again after
  // it so the header offset and the highlight are ours.
  window.addEventListener("load", land);
})();
