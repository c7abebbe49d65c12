// On a page left at an old address: go to the new page, keeping the #fragment, so a link to
// an old page and an FAQ entry on it still lands on that entry.
(function () {
  var link = document.getElementById("redirect-target");
  if (link) {
    window.location.replace(link.href + window.location.hash);
  }
})();
