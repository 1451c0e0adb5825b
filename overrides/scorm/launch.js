/* The SCO of the course's SCORM 1.2 package (scripts/scorm.py). It finds the LMS's API (window.API) in its
   parent windows and in the opener's, calls LMSInitialize, shows the course in a frame, and keeps the learner's
   record in the LMS: quiz.js in the frame reads and writes results through window.KB_LMS. After each test:
   cmi.suspend_data (every test's best result, compact), cmi.core.lesson_status ("incomplete" until every test
   is passed, then "passed"; "failed" after a failed final test), cmi.core.score from the final test, LMSCommit.
   On leaving: cmi.core.session_time, cmi.core.exit, LMSCommit, LMSFinish. Without an LMS the course still works
   and results stay in the browser, as on the website. */
(function () {
  "use strict";
  var d = document;
  var spec = JSON.parse(d.getElementById("kb-course").textContent);
  var frame = d.querySelector("[data-course-frame]"), note = d.querySelector("[data-lms-status]");
  var T = {
    sv: { none: "Ingen lärplattform hittades: dina resultat sparas bara i den här webbläsaren.",
          fail: "Lärplattformen svarade inte: dina resultat kan inte sparas där just nu." },
    en: { none: "No learning platform was found: your results are kept in this browser only.",
          fail: "The learning platform did not answer: your results cannot be saved there right now." }
  }[spec.lang === "en" ? "en" : "sv"];
  var FORMAT = "k1", started = Date.now(), done = false, api = null, rec = {}, errors = [];

  function findAPI(win) {
    for (var n = 0; win && n < 12; n++) {
      try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { /* other origin */ }
      try { if (win.parent === win) break; win = win.parent; } catch (e) { break; }
    }
    return null;
  }
  function call(name, a, b) {
    var r;
    try { r = b === undefined ? api[name](a) : api[name](a, b); } catch (e) { errors.push(name + ": " + e); return ""; }
    var code = "0";
    try { code = String(api.LMSGetLastError()); } catch (e) { code = "?"; }
    if (code !== "0" && code !== "") errors.push(name + "(" + (a || "") + "): " + code);
    return r;
  }
  function get(k) { return String(call("LMSGetValue", k) || ""); }
  function set(k, v) { return String(call("LMSSetValue", k, String(v))) === "true"; }

  /* ---- suspend_data: "k1;<id>.<version>=<best>,<passed 0|1>,<yyyymmdd>,<last>;…" ---- */
  function encode() {
    var parts = [FORMAT];
    spec.tests.forEach(function (t) {
      var r = rec[t.id];
      if (r) parts.push(t.id + "." + t.version + "=" + r.best + "," + (r.passed ? 1 : 0) + "," + r.date.replace(/-/g, "") + "," + r.last);
    });
    return parts.join(";");
  }
  function decode(s) {
    var out = {}, parts = String(s || "").split(";");
    if (parts[0] !== FORMAT) return out;
    var versions = {};
    spec.tests.forEach(function (t) { versions[t.id] = String(t.version); });
    parts.slice(1).forEach(function (p) {
      var m = /^([\w-]+)\.(\d+)=(\d{1,3}),([01]),(\d{8}|),(\d{1,3})$/.exec(p);
      if (!m || versions[m[1]] !== m[2] || +m[3] > 100 || +m[6] > 100) return; /* unknown, old version or corrupt */
      var date = m[5] ? m[5].slice(0, 4) + "-" + m[5].slice(4, 6) + "-" + m[5].slice(6) : "";
      out[m[1]] = { best: +m[3], passed: m[4] === "1", date: date, last: +m[6] };
    });
    return out;
  }
  function status() {
    var all = spec.tests.every(function (t) { return rec[t.id] && rec[t.id].passed; });
    if (all) return "passed";
    var f = spec.final && rec[spec.final];
    return f && !f.passed ? "failed" : "incomplete";
  }
  function timespan(ms) { /* CMITimespan: HHHH:MM:SS.SS */
    var cs = Math.floor(ms / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = Math.floor(cs / 100) % 60;
    function p(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }
    return p(Math.min(h, 9999), 4) + ":" + p(m, 2) + ":" + p(s, 2) + "." + p(cs % 100, 2);
  }
  function save() {
    var data = encode(), ok = data.length <= spec.suspendLimit && set("cmi.suspend_data", data);
    ok = set("cmi.core.lesson_status", status()) && ok;
    var f = spec.final && rec[spec.final];
    if (f) ok = set("cmi.core.score.min", 0) && set("cmi.core.score.max", 100) && set("cmi.core.score.raw", f.best) && ok;
    ok = String(call("LMSCommit", "")) === "true" && ok;
    if (!ok) { note.textContent = T.fail; note.hidden = false; }
    return ok;
  }
  function location() { /* the page shown in the frame, relative to the package root */
    try {
      var root = new URL("../", window.location.href).href, here = frame.contentWindow.location.href.split("#")[0];
      return here.indexOf(root) === 0 ? here.slice(root.length) : "";
    } catch (e) { return ""; }
  }
  function finish() {
    if (done || !api) return;
    done = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    set("cmi.core.exit", status() === "passed" ? "" : "suspend");
    call("LMSCommit", "");
    call("LMSFinish", "");
  }

  api = findAPI(window.parent !== window ? window.parent : null) || (window.opener ? findAPI(window.opener) : null);
  if (api && String(call("LMSInitialize", "")) !== "true") api = null;
  if (!api) {
    note.textContent = T.none;
    note.hidden = false;
  } else {
    rec = decode(get("cmi.suspend_data"));
    if (get("cmi.core.lesson_status") === "not attempted") set("cmi.core.lesson_status", "incomplete");
    var loc = get("cmi.core.lesson_location");
    if (/^[\w./-]+\.html$/.test(loc) && loc.indexOf("..") < 0) frame.src = "../" + loc; /* resume where the learner was */
    frame.addEventListener("load", function () {
      var here = location();
      if (here && here.length <= 255 && !done) set("cmi.core.lesson_location", here);
    });
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
  }

  /* What quiz.js in the frame uses instead of localStorage. */
  window.KB_LMS = {
    active: !!api,
    errors: errors,
    read: function (id, v) {
      var r = rec[id], t = spec.tests.filter(function (x) { return x.id === id; })[0];
      return r && t && String(t.version) === String(v) ? { best: r.best, passed: r.passed, date: r.date } : null;
    },
    write: function (id, v, o, last) {
      var t = spec.tests.filter(function (x) { return x.id === id; })[0];
      if (!t || String(t.version) !== String(v) || done) return false;
      rec[id] = { best: o.best, passed: !!o.passed, date: String(o.date || "").slice(0, 10), last: last == null ? o.best : last };
      return save();
    },
    status: status,
    learner: function () { return get("cmi.core.student_name"); },
    suspendData: encode
  };
})();
