/* The service worker of "Save for offline" on a sheet (assets/javascripts/sheet-page.js). It
 * does nothing until a reader saves a sheet: then it keeps the files the sheet page names (the
 * sheet, its exercises' pages and JSON, their pictures, the site's own CSS and scripts, and the
 * map of moved anchors when the sheet needed it) in one cache, never the whole site. Those
 * files are fetched from the network first, so a page that changed is refreshed whenever there
 * is a network, and from the cache when there is none. Every other request goes to the network
 * untouched; another origin's is never looked at.
 */
"use strict";

var CACHE = "exercise-sheets-v1";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

function key(url) {
  // A sheet is one page whatever its query string: the sheet is in the address, not the file.
  var u = new URL(url);
  return u.origin + u.pathname;
}

function save(urls) {
  return caches.open(CACHE).then(function (cache) {
    var bytes = 0;
    return Promise.all(urls.map(function (url) {
      return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
        if (!response.ok) {
          throw new Error(url + " answered " + response.status);
        }
        return response.clone().arrayBuffer().then(function (body) {
          bytes += body.byteLength;
          return cache.put(key(url), response);
        });
      });
    })).then(function () {
      return { ok: true, files: urls.length, bytes: bytes };
    });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports[0];
  if (data.type !== "save" || !port || !Array.isArray(data.urls)) {
    return;
  }
  var own = data.urls.filter(function (url) {
    return new URL(url, self.registration.scope).origin === self.location.origin;
  });
  event.waitUntil(save(own).then(
    function (reply) { port.postMessage(reply); },
    function (error) { port.postMessage({ ok: false, error: String(error && error.message || error) }); }
  ));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(key(request.url)).then(function (cached) {
      if (!cached) {
        return fetch(request);
      }
      return fetch(request).then(function (response) {
        if (response.ok) {
          cache.put(key(request.url), response.clone());
        }
        return response;
      }, function () {
        return cached;
      });
    });
  }));
});
