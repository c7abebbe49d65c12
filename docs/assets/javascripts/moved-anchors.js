/* Where an item that moved to another exercise lives now: the site's map of moved anchors
 * (`moved-anchors.json` at the site root, written by build_tools/render/moved.py).
 *
 * Shared by the deep links of an exercise page, which load this file only for an id that is not
 * on their page, and the sheet page, which asks only for an entry that is not on its exercise:
 * the map is fetched then, once per page, never before.
 */
(function () {
  "use strict";

  var FILE = "moved-anchors.json";
  var maps = {};
  var read = {};

  function own(object, key) {
    return object !== null && typeof object === "object" &&
      Object.prototype.hasOwnProperty.call(object, key);
  }

  function map(siteRoot) {
    var key = siteRoot.href;
    if (!maps[key]) {
      maps[key] = fetch(new URL(FILE, siteRoot), { credentials: "same-origin" }).then(
        function (response) {
          return response.ok ? response.json().then(function (all) {
            read[key] = true;
            return all;
          }) : {};
        }
      );
      // A network that failed this time is asked again next time.
      maps[key].catch(function () {
        delete maps[key];
      });
    }
    return maps[key];
  }

  // The new place of `anchor` of the page `page` (its address below the site root, as the map
  // lists it: `exercises/heel-press/`), as a URL, or null. Only the site's own pages: the map is
  // ours, but a link never leaves the site.
  function place(siteRoot, page, anchor) {
    return map(siteRoot).then(function (all) {
      var to = own(all, page) && own(all[page], anchor) && all[page][anchor];
      if (typeof to !== "string") {
        return null;
      }
      var url = new URL(to, siteRoot);
      return url.origin === siteRoot.origin ? url : null;
    });
  }

  window.movedAnchors = {
    place: place,
    // The map's address once this page has read it, else null: an offline copy of the page
    // needs it then.
    fetched: function (siteRoot) {
      return read[siteRoot.href] ? new URL(FILE, siteRoot).href : null;
    }
  };
})();
