// presswatch web: what JavaScript adds to pages that work without it.
// Review keys (j/k next/previous, r relevant, n not relevant, f flag,
// x select, u undo, ? help; one at a time on the article page: r, n, s
// skip, f flag) post the same forms through the JSON API and
// update the list in place. The bulk bar: "select all" ticks every box; a
// relevant / not relevant bulk action goes through /api/v1/review/batch and
// takes the items off the list in place; the other bulk actions submit the
// form as without JavaScript (the page comes back with the new state). No inline script anywhere (the Content-Security-Policy
// forbids it): this file is the only script.
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  function items() { return Array.prototype.slice.call(document.querySelectorAll(".review-item")); }
  var current = 0;

  function focusItem(i) {
    var list = items();
    if (!list.length) return;
    current = Math.max(0, Math.min(i, list.length - 1));
    list.forEach(function (el, k) { el.classList.toggle("current", k === current); });
    list[current].focus({ preventScroll: true });
    list[current].scrollIntoView({ block: "nearest" });
  }

  function decide(state) {
    var list = items();
    var el = list[current];
    if (!el) return;
    var id = el.getAttribute("data-id");
    fetch("/api/v1/articles/" + id + "/review", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ state: state }),
      credentials: "same-origin"
    }).then(function (r) {
      if (!r.ok) return r.json().then(function (e) { throw new Error(e.error ? e.error.message : r.status); });
      el.parentNode.removeChild(el);
      var count = document.getElementById("review-count");
      if (count) count.textContent = String(Math.max(0, parseInt(count.textContent, 10) - 1));
      focusItem(current);
    }).catch(function (e) { alert("Không ghi được: " + e.message); });
  }

  function picks() { return Array.prototype.slice.call(document.querySelectorAll(".review-item .pick")); }

  function showCount() {
    var out = document.getElementById("selected-count");
    var n = picks().filter(function (p) { return p.checked; }).length;
    if (out) out.textContent = n ? "Đã chọn " + n + " tin" : "";
  }

  function notice(text) {
    var el = document.getElementById("notice");
    if (!el) {
      el = document.createElement("p");
      el.id = "notice"; el.className = "notice"; el.setAttribute("role", "status");
      var bar = document.getElementById("bulk");
      bar.parentNode.insertBefore(el, bar);
    }
    el.textContent = text;
  }

  var bulk = document.getElementById("bulk");
  if (bulk) {
    var all = document.getElementById("select-all");
    all.addEventListener("change", function () {
      picks().forEach(function (p) { p.checked = all.checked; });
      showCount();
    });
    picks().forEach(function (p) { p.addEventListener("change", function () {
      if (!p.checked) all.checked = false;
      showCount();
    }); });
    bulk.addEventListener("submit", function (e) {
      var action = e.submitter ? e.submitter.value : "";
      if (action !== "relevant" && action !== "not-relevant") return;  // the form's own POST
      e.preventDefault();
      var chosen = picks().filter(function (p) { return p.checked; });
      var ids = chosen.map(function (p) { return p.value; });
      fetch("/api/v1/review/batch", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ action: action, id: ids }),
        credentials: "same-origin"
      }).then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.error ? body.error.message : r.status);
          chosen.forEach(function (p) {
            var li = p.closest(".review-item");
            var hidden = bulk.querySelector('input[name="shown"][value="' + p.value + '"]');
            if (hidden) hidden.parentNode.removeChild(hidden);
            if (li) li.parentNode.removeChild(li);
          });
          var count = document.getElementById("review-count");
          if (count) count.textContent = String(Math.max(0, parseInt(count.textContent, 10) - body.count));
          all.checked = false;
          showCount();
          notice(body.message);
          focusItem(0);
        });
      }).catch(function (err) { notice("Không ghi được: " + err.message); });
    });
  }

  function undo() {
    fetch("/api/v1/review/undo", { method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" })
      .then(function (r) { if (r.ok) window.location.reload(); });
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
    // One at a time (/review/one): the article page's own forms and links.
    if (document.querySelector(".review-one")) {
      var press = function (sel) { var b = document.querySelector(sel); if (b) b.click(); };
      switch (e.key) {
        case "r": press(".review-decide button[value=relevant]"); break;
        case "n": press(".review-decide button[value=not-relevant]"); break;
        case "s": press(".review-one a[data-key=s]"); break;
        case "f": {
          var flag = document.querySelector("#flag details");
          if (flag) { flag.open = true; flag.scrollIntoView(); }
          break;
        }
        default: return;
      }
      e.preventDefault();
      return;
    }
    if (!document.querySelector(".review")) return;
    var help = document.getElementById("help");
    switch (e.key) {
      case "j": focusItem(current + 1); break;
      case "k": focusItem(current - 1); break;
      case "r": decide("relevant"); break;
      case "n": decide("not-relevant"); break;
      case "u": undo(); break;
      case "x": {
        var box = (items()[current] || document).querySelector(".pick");
        if (box) { box.checked = !box.checked; box.dispatchEvent(new Event("change")); }
        break;
      }
      case "f": {
        var el = items()[current];
        if (el) window.location.href = "/articles/" + el.getAttribute("data-id") + "#flag";
        break;
      }
      case "?": if (help) help.hidden = !help.hidden; break;
      default: return;
    }
    e.preventDefault();
  });

  if (document.querySelector(".review-item")) focusItem(0);
})();
