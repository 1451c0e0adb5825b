/* Quick exit, as GOV.UK Frontend's "Exit this page" does it (exit-this-page.mjs):
   - a keyup of Shift on its own counts; a keyup of any other key resets the count, and if that key was
     pressed with Shift held (Shift+Tab, a capital letter) the next Shift keyup does not count either;
   - three counted presses within 5 seconds of the first leave the page; otherwise the count times out;
   - nothing counts while the focus is in a text field (a name typed with capitals never exits);
   - leaving blanks the page, then location.replace() swaps this page out of the history;
   - a polite status region says how many presses remain.
   The link itself works without JavaScript. The exit address is the link's href. */
(function () {
  "use strict";
  var TIMEOUT = 5000;
  var root = document.querySelector("[data-quick-exit-root]");
  if (!root) return;
  var link = root.querySelector("[data-quick-exit]");
  var status = root.querySelector("[data-quick-exit-status]");
  var count = 0, timer = null, lastKeyWasModified = false;

  function say(text) { if (status) status.textContent = text || ""; }

  function leave(event) {
    if (event) event.preventDefault();
    say(root.getAttribute("data-leaving"));
    document.documentElement.classList.add("quick-exit--leaving");  /* blanks the page (site.css) */
    document.title = "";
    window.location.replace(link.href);
  }

  function reset(timedOut) {
    clearTimeout(timer);
    timer = null;
    count = 0;
    say(timedOut ? root.getAttribute("data-timed-out") : "");
  }

  function inTextField(el) {
    if (!el || el === document.body) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag !== "INPUT") return false;
    return !/^(button|checkbox|radio|submit|reset|image|range|color|file|hidden)$/i.test(el.type || "text");
  }

  document.addEventListener("keyup", function (e) {
    var shiftAlone = (e.key === "Shift" || e.keyCode === 16) && !lastKeyWasModified;
    lastKeyWasModified = e.shiftKey;
    if (inTextField(e.target) || inTextField(document.activeElement)) {
      if (timer) reset(false);
      return;
    }
    if (!shiftAlone) {
      if (timer) reset(false);
      return;
    }
    count += 1;
    if (count >= 3) { reset(false); leave(); return; }
    if (count === 1) timer = setTimeout(function () { reset(true); }, TIMEOUT);
    say(root.getAttribute(count === 1 ? "data-two-more" : "data-one-more"));
  }, true);

  link.addEventListener("click", leave);

  /* Coming back (the back/forward cache may restore the blanked page): show the page again. */
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("quick-exit--leaving");
    reset(false);
  });
})();
