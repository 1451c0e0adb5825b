/* Inside a SCORM package only (scripts/scorm.py adds it to every page): an LMS serves files, not folders, so a
   link to a folder inside the package gets "index.html" when it is followed. The packager already rewrote the
   links in the HTML; this covers links that scripts make (search results). */
(function () {
  "use strict";
  var me = document.currentScript && document.currentScript.src;
  if (!me) return;
  var root = me.replace(/scorm\/links\.js(\?.*)?$/, "");
  function fix(a) {
    try {
      var u = new URL(a.href, window.location.href);
      if (u.href.indexOf(root) === 0 && /\/$/.test(u.pathname)) { u.pathname += "index.html"; a.href = u.href; }
    } catch (e) { /* not a URL */ }
  }
  document.addEventListener("click", function (e) {
    var a = e.target && e.target.closest && e.target.closest("a[href]");
    if (a) fix(a);
  }, true);
})();
