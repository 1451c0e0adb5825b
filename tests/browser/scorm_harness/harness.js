/* The stand-in LMS: scorm-again (npm, pinned by package-lock.json) with every API call and error recorded. */
(function () {
  "use strict";
  var KEY = "harness-lms";
  var saved = JSON.parse(localStorage.getItem(KEY) || "null");
  var api = new window.Scorm12API({ autocommit: false, lmsCommitUrl: false, mastery_override: false, logLevel: 5 });
  var core = { student_id: "k-0042", student_name: "Andersson, Kim", entry: saved ? "resume" : "ab-initio" };
  if (saved) {
    core.lesson_status = saved.lesson_status;
    if (saved.lesson_location) core.lesson_location = saved.lesson_location;
    if (saved.raw !== "") core.score = { raw: saved.raw, min: saved.min, max: saved.max };
  }
  api.loadFromJSON({ core: core, suspend_data: saved ? saved.suspend_data : "" }, "");
  window.calls = [];
  window.lmsErrors = [];
  window.sessions = saved ? saved.sessions : 0;
  function persist(finished) {
    var c = api.cmi.core;
    localStorage.setItem(KEY, JSON.stringify({
      lesson_status: c.lesson_status, lesson_location: c.lesson_location, raw: c.score.raw, min: c.score.min,
      max: c.score.max, suspend_data: api.cmi.suspend_data, session_time: window.sessionTime || "", exit: window.exitValue || "",
      finished: !!finished, sessions: window.sessions + (finished ? 1 : 0)
    }));
  }
  ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].forEach(function (name) {
    var orig = api[name].bind(api);
    api[name] = function (a, b) {
      var r = b === undefined ? orig(a) : orig(a, b);
      var code = String(api.LMSGetLastError());
      window.calls.push([name, a === undefined ? null : a, b === undefined ? null : String(b), String(r), code]);
      if (name === "LMSSetValue" && a === "cmi.core.session_time") window.sessionTime = String(b); /* write-only */
      if (name === "LMSSetValue" && a === "cmi.core.exit") window.exitValue = String(b);
      if (code !== "0") window.lmsErrors.push([name, a, b, code, api.LMSGetErrorString(code)]);
      if (name === "LMSCommit") persist(false);
      if (name === "LMSFinish") persist(true);
      return r;
    };
  });
  window.API = api;
})();
