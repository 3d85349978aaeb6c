// The course site's search box. A page matches when it has every word typed, as a whole word (a word of three letters
// or more also matches as the start of a longer one: "init" finds "initialisation"). Ranking: each word's hits count
// with diminishing returns (log), whole words three times prefixes; the words typed found close together (within a few
// words: "He init" in "Initialising for it is He et al.'s rule") count far more than scattered ones; hits in the title
// count double; summary pages (the index, the glossary) count less than the pages that teach. The index (search-index.js,
// loaded before this file) holds each page's plain text, so search works offline from file://.
(function () {
  "use strict";
  var box = document.getElementById("site-search");
  var list = document.getElementById("site-search-results");
  var pages = window.preluSearchIndex || [];
  if (!box || !list) { return; }

  var WORD = /[\p{L}\p{N}]+/gu;
  var WHOLE = 3, PREFIX = 1, NEAR = 10, NEAR_WORDS = 8, TITLE = 2, SUMMARY = 0.6;

  // Each word of a text with where it starts, lower-cased: [{ word, at }].
  function words(text) {
    var found = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) { found.push({ word: match[0].toLowerCase(), at: match.index }); }
    return found;
  }

  var indexed = pages.map(function (page) {
    return { page: page, title: words(page.title), text: words(page.text) };
  });

  // 2 for the same word, 1 for a longer word it starts (query words of three letters or more), 0 otherwise.
  function fit(token, query) {
    if (token === query) { return 2; }
    return query.length >= 3 && token.indexOf(query) === 0 ? 1 : 0;
  }

  function log2(n) { return Math.log(1 + n) / Math.LN2; }

  function score(tokens, query) {
    var whole = query.map(function () { return 0; }), prefix = query.map(function () { return 0; }), near = 0, nearAt = -1;
    tokens.forEach(function (t, i) {
      query.forEach(function (q, j) {
        var f = fit(t.word, q);
        if (f === 2) { whole[j]++; } else if (f === 1) { prefix[j]++; }
      });
      if (query.length > 1 && fit(t.word, query[0]) > 0) {
        var window = tokens.slice(Math.max(0, i - NEAR_WORDS), i + NEAR_WORDS);
        var close = query.slice(1).every(function (q) { return window.some(function (w) { return fit(w.word, q) > 0; }); });
        if (close) {
          near++;
          if (nearAt < 0) { nearAt = t.at; }
        }
      }
    });
    var total = NEAR * log2(near);
    query.forEach(function (_, j) { total += WHOLE * log2(whole[j]) + PREFIX * log2(prefix[j]); });
    return { total: total, seen: query.map(function (_, j) { return whole[j] + prefix[j] > 0; }), nearAt: nearAt };
  }

  function find(query) {
    var terms = words(query).map(function (w) { return w.word; });
    if (terms.length === 0) { return []; }
    return indexed.map(function (entry) {
      var inTitle = score(entry.title, terms), inText = score(entry.text, terms);
      var all = terms.every(function (_, j) { return inTitle.seen[j] || inText.seen[j]; });
      var at = inText.nearAt;
      if (at < 0) {
        var hit = entry.text.find(function (t) { return terms.some(function (q) { return fit(t.word, q) === 2; }); }) ||
                  entry.text.find(function (t) { return terms.some(function (q) { return fit(t.word, q) > 0; }); });
        at = hit ? hit.at : -1;
      }
      var total = (TITLE * inTitle.total + inText.total) * (entry.page.summary ? SUMMARY : 1);
      return { page: entry.page, score: all ? total : 0, at: at };
    }).filter(function (r) { return r.score > 0; })
      .sort(function (a, b) { return b.score - a.score; });
  }

  // About 120 characters of the page's plain text around its best hit, cut at spaces.
  function snippet(result) {
    var text = result.page.text;
    if (result.at < 0) { return text.substr(0, 120) + (text.length > 120 ? "…" : ""); }
    var from = Math.max(0, text.lastIndexOf(" ", Math.max(0, result.at - 45)) + 1);
    if (result.at - from > 60) { from = Math.max(0, result.at - 45); }
    var to = text.indexOf(" ", Math.min(text.length, result.at + 75));
    if (to < 0) { to = text.length; }
    return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length ? "…" : "");
  }

  function show(results, query) {
    list.textContent = "";
    results.slice(0, 10).forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      // A text fragment scrolls the page to the first hit where the browser supports it; the page loads either way.
      link.href = r.page.page + (r.at >= 0 ? "#:~:text=" + encodeURIComponent(r.page.text.substr(r.at).match(/^[\p{L}\p{N}]+/u)[0]) : "");
      link.textContent = r.page.title;
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
