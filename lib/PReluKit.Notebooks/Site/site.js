// The course site's search box: every word typed must appear on a page; pages with more hits come first. The index
// (search-index.js, loaded before this file) holds each page's plain text, so search works offline from file://.
(function () {
  "use strict";
  var box = document.getElementById("site-search");
  var list = document.getElementById("site-search-results");
  var pages = window.preluSearchIndex || [];
  if (!box || !list) { return; }

  function count(text, word) {
    var n = 0;
    for (var at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) { n++; }
    return n;
  }

  function find(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) { return []; }
    return pages.map(function (page) {
      var text = (page.title + " " + page.text).toLowerCase();
      var hits = words.map(function (w) { return count(text, w); });
      var all = hits.every(function (h) { return h > 0; });
      return { page: page, score: all ? hits.reduce(function (a, b) { return a + b; }, 0) : 0, at: text.indexOf(words[0]) };
    }).filter(function (r) { return r.score > 0; })
      .sort(function (a, b) { return b.score - a.score; });
  }

  function snippet(result) {
    var text = result.page.title + " " + result.page.text;
    var from = Math.max(0, result.at - 40);
    return (from > 0 ? "…" : "") + text.substr(from, 110) + "…";
  }

  function show(results, query) {
    list.textContent = "";
    results.slice(0, 10).forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var word = query.trim().split(/\s+/)[0];
      // A text fragment scrolls the page to the first hit where the browser supports it; the page loads either way.
      link.href = r.page.page + "#:~:text=" + encodeURIComponent(word);
      link.textContent = r.page.title + " (" + r.score + ")";
      var context = document.createElement("span");
      context.className = "snippet";
      context.textContent = snippet(r);
      item.appendChild(link);
      item.appendChild(context);
      list.appendChild(item);
    });
    if (results.length === 0 && query.trim().length > 0) {
      var none = document.createElement("li");
      none.textContent = "No page has every word of \u201c" + query.trim() + "\u201d.";
      list.appendChild(none);
    }
  }

  box.addEventListener("input", function () { show(find(box.value), box.value); });
  box.addEventListener("keydown", function (e) {
    var first = list.querySelector("a");
    if (e.key === "Enter" && first) { window.location.href = first.href; }
  });
}());
