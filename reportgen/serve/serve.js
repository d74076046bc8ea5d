// reportgen serve: reload when the report is rebuilt, keep the place on the page, and filter
// the names panel. Served from the same origin; the page allows no inline script.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="reportgen-version"]');
  var shown = meta ? meta.getAttribute("content") : "";
  var key = "reportgen-serve-scroll:" + location.pathname;
  var saved = null;
  try { saved = sessionStorage.getItem(key); sessionStorage.removeItem(key); } catch (e) { /* private mode */ }
  if (saved !== null && !location.hash) {
    window.scrollTo(0, parseInt(saved, 10) || 0);
  }

  if (window.EventSource) {
    var events = new EventSource("/_events");
    events.addEventListener("version", function (event) {
      if (event.data && event.data !== shown) {
        shown = event.data;
        try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* ignore */ }
        location.reload();
      }
    });
  }

  var search = document.getElementById("names-search");
  var count = document.getElementById("names-count");
  var table = document.getElementById("names-table");
  if (search && table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var timer = null;
    var filter = function () {
      var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shownRows = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (word) { return texts[i].indexOf(word) >= 0; });
        row.hidden = !match;
        if (match) { shownRows += 1; }
      });
      if (count) {
        count.textContent = shownRows + (shownRows === 1 ? " name shown." : " names shown.");
      }
    };
    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(filter, 150);
    });
  }
})();
