/* What the site needs of the theme's behaviour, in place of the theme's bundle, whose start-up
   work held a phone's main thread for longer than the rest of the page did and which runs
   features the site does not use: the colour-scheme toggle, Escape closing the navigation
   drawer, and keyboard access to code blocks that scroll.
   The scheme in force before this runs was set by partials/javascripts/palette.html. */
(function () {
  "use strict";

  var KEY = "__palette";

  /* The button shown is the label after the option in force: it switches to the next one. */
  function apply(input, inputs) {
    ["scheme", "primary", "accent"].forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
    });
    inputs.forEach(function (other) {
      var label = other.nextElementSibling;
      if (label) label.hidden = other !== input;
    });
  }

  function setUpPalette(form) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
    form.addEventListener("change", function (event) {
      var input = event.target;
      if (inputs.indexOf(input) < 0) return;
      apply(input, inputs);
      // The theme's own format, so that a reader's choice survives a move back to its bundle.
      __md_set(KEY, {
        index: inputs.indexOf(input),
        color: {
          media: input.getAttribute("data-md-color-media"),
          scheme: input.getAttribute("data-md-color-scheme"),
          primary: input.getAttribute("data-md-color-primary"),
          accent: input.getAttribute("data-md-color-accent"),
        },
      });
    });
    /* Until the reader chooses, the page follows the system setting as it changes. */
    inputs.forEach(function (input) {
      var query = matchMedia(input.getAttribute("data-md-color-media"));
      query.addEventListener("change", function () {
        if (query.matches && !__md_get(KEY)) {
          input.checked = true;
          apply(input, inputs);
        }
      });
    });
  }

  /* The drawer is a checkbox the theme's CSS opens: Escape closes it, as it would a dialog. */
  function setUpDrawer(drawer) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) drawer.checked = false;
    });
  }

  /* A code block wider than its box scrolls sideways: it takes keyboard focus so that keyboard
     readers can scroll it too (WCAG 2.1.1), as the theme's bundle made it. */
  function reachCodeBlocks() {
    document.querySelectorAll("pre > code").forEach(function (code) {
      if (code.scrollWidth > code.clientWidth) {
        code.tabIndex = 0;
      } else {
        code.removeAttribute("tabindex");
      }
    });
  }

  function start() {
    var form = document.querySelector("form[data-md-component=palette]");
    if (form) setUpPalette(form);
    var drawer = document.getElementById("__drawer");
    if (drawer) setUpDrawer(drawer);
    if (document.querySelector("pre > code")) {
      reachCodeBlocks();
      window.addEventListener("resize", reachCodeBlocks);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
