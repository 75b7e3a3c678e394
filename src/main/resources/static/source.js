// Highlights the passage named by an RFC 5147 fragment (#char=start,end) and scrolls to it.
(function () {
  function highlight() {
    var m = /^#char=(\d+),(\d+)$/.exec(window.location.hash);
    var pieces = document.querySelectorAll('#source-text [data-start]');
    pieces.forEach(function (p) { p.classList.remove('target'); });
    if (!m) return;
    var start = parseInt(m[1], 10), end = parseInt(m[2], 10), first = null;
    pieces.forEach(function (p) {
      var s = parseInt(p.dataset.start, 10), e = parseInt(p.dataset.end, 10);
      if (s < end && e > start) { p.classList.add('target'); if (!first) first = p; }
    });
    if (first) first.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', highlight);
  highlight();
})();
