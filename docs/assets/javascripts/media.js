// Video loops on exercise pages (templates/pages/media.html). The page never sets `autoplay`:
// a loop plays by itself only here, only while it is on screen, and never for a reader who
// asked for reduced motion (WCAG 2.2.2); they get the poster and the play button.
(function () {
  "use strict";
  var videos = document.querySelectorAll("video[data-autoplay]");
  if (!videos.length || !window.matchMedia || !("IntersectionObserver" in window)) return;
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  var chosen = new WeakSet(); // loops the reader played or paused: theirs from then on

  function still(video) {
    return reduce.matches || chosen.has(video);
  }

  var watcher = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      var video = entry.target;
      if (still(video)) return;
      if (entry.isIntersecting) {
        video.dataset.autoplaying = "";
        var playing = video.play();
        if (playing && playing.catch) playing.catch(function () {});
      } else if (!video.paused) {
        video.dataset.autoplaying = "";
        video.pause();
      }
    });
  }, { threshold: 0.5 });

  videos.forEach(function (video) {
    ["play", "pause"].forEach(function (kind) {
      video.addEventListener(kind, function () {
        // Our own play() or pause() marks itself; any other comes from the reader.
        if ("autoplaying" in video.dataset) delete video.dataset.autoplaying;
        else chosen.add(video);
      });
    });
    watcher.observe(video);
  });

  // Reduced motion asked for while a loop plays: it stops at once.
  reduce.addEventListener("change", function () {
    if (!reduce.matches) return;
    videos.forEach(function (video) {
      if (!video.paused && !chosen.has(video)) {
        video.dataset.autoplaying = "";
        video.pause();
      }
    });
  });
})();
