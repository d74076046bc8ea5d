// reportgen serve: reload when the report is rebuilt, keep the place on the page, filter the
// names panel, and a Copy button for each expression. Served from the same origin; the page
// allows no inline script.
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

  // A Copy button after each expression (names panel, findings panel, notes in the text).
  // A <button> is keyboard operable as it is; what happened is said in the #copy-status live
  // region and on the button itself. Where the clipboard is refused (no permission, an older
  // browser) the expression is selected so that Ctrl+C copies it.
  var status = document.getElementById("copy-status");
  var say = function (text) {
    if (!status) { return; }
    status.textContent = "";  // the same words twice are announced twice
    window.setTimeout(function () { status.textContent = text; }, 50);
  };
  var select = function (code) {
    var range = document.createRange();
    range.selectNodeContents(code);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  var labels = [];  // each button's "Copy": the last one pressed says "Copied" until the next
  Array.prototype.forEach.call(document.querySelectorAll("code.copyable"), function (code) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "serve-copy";
    var label = document.createElement("span");
    label.textContent = "Copy";
    var what = document.createElement("span");
    what.className = "serve-visually-hidden";
    what.textContent = " " + code.textContent;
    labels.push(label);
    button.appendChild(label);
    button.appendChild(what);
    code.parentNode.insertBefore(button, code.nextSibling);
    code.parentNode.insertBefore(document.createTextNode(" "), button);
    button.addEventListener("click", function () {
      var text = code.textContent;
      labels.forEach(function (each) { each.textContent = "Copy"; });
      var done = function () {
        label.textContent = "Copied";
        say("Copied " + text + " to the clipboard.");
      };
      var refused = function () {
        select(code);
        say("Could not copy " + text + ": it is selected, press Ctrl+C (Cmd+C on a Mac) " +
            "to copy it.");
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, refused);
      } else {
        refused();
      }
    });
  });
})();
