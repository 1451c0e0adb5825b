/* The header search field (overrides/partials/search.html), on Pagefind's index (scripts/search.py).

   This small file only waits: nothing of the search (search-ui.js, Pagefind's script, WebAssembly or
   index) is fetched until the visitor focuses or types in the field, or presses a shortcut (/ s f),
   as in Material. No inline code and no eval: it runs under script-src 'self' 'wasm-unsafe-eval'. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kb-search]");
  var script = document.currentScript;
  if (!root || !script) return;
  var input = root.querySelector("input");
  var toggle = document.getElementById("__search");
  var started = null;

  function setOpen(open) {
    if (toggle && toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function start() {
    if (!started) {
      started = import(new URL("search-ui.js", script.src).href)
        .then(function (mod) { return mod.start(root, { setOpen: setOpen, toggle: toggle }); });
      started.catch(function () {
        var status = root.querySelector("[data-kb-search-status]");
        if (status) status.textContent = root.dataset.tFailed;
      });
    }
    return started;
  }

  input.addEventListener("focus", function () { setOpen(true); start(); });
  input.addEventListener("input", function () { setOpen(true); start(); });

  /* Narrow screens: the magnifier button opens the search; focus the field (also brings up the keyboard). */
  var opener = document.querySelector("[data-kb-search-open]");
  if (opener) opener.addEventListener("click", function () { input.focus(); });

  function editable(el) {
    if (!el) return false;
    var tag = el.tagName;
    if (tag === "INPUT") return el.type !== "radio" && el.type !== "checkbox";
    return tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
    if (e.key !== "/" && e.key !== "s" && e.key !== "f") return;
    if (editable(document.activeElement)) return;
    e.preventDefault();
    setOpen(true);
    input.focus();
    input.select();
  });
})();
