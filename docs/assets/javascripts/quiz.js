/* Self-tests, course progress and certificate. Enhances the plain HTML written by scripts/quiz.py and
   scripts/course.py: without this file every question still shows its answers in a <details>.
   Progress stays in this browser only (localStorage, keys kb:quiz:<id>:v<version>) and is shared by
   both languages. Any storage failure (blocked, full, corrupt) leaves the quizzes working.
   Inside a SCORM package (scripts/scorm.py) the launch page in the parent window offers window.KB_LMS: then the
   LMS's record replaces localStorage, and the LMS, not this browser, gives proof of the course. */
(function () {
  "use strict";
  var d = document, root = d.documentElement;
  var S = {
    sv: {
      check: "Rätta mina svar", retry: "Försök igen", right: "Rätt", wrong: "Fel",
      none: "Inte besvarad, räknas som fel", yours: "ditt svar", key: "rätt svar",
      number: "Fråga {i} av {n}",
      score: "Resultat: {r} av {n} rätt ({p} %).", pass: "Godkänt!",
      fail: "Inte godkänt ännu: du behöver minst {m} %. Läs avsnitten som länkas vid frågorna och försök igen.",
      best: "Ditt bästa resultat hittills: {p} %{ok}, {date}.", bestOk: ", godkänt",
      noStore: "Din webbläsare tillåter inte att resultat sparas. Testerna fungerar ändå, men resultaten sparas inte.",
      notSaved: "Resultatet kunde inte sparas i den här webbläsaren.",
      notSavedLms: "Resultatet kunde inte sparas i lärplattformen. Försök igen senare.",
      passed: "Godkänd", failed: "Inte godkänd ännu", todo: "Inte gjort",
      reset: "Radera mina resultat", confirm: "Vill du radera alla dina resultat i den här webbläsaren?",
      cleared: "Dina resultat är raderade.",
      locked: "Intyget blir tillgängligt när du har klarat alla självtester och slutprovet. Kvar: {list}.",
      lockedTrack: "Intyget för spåret blir tillgängligt när du har klarat spårets tester. Kvar: {list}.",
      noName: "Skriv ditt namn för att kunna skriva ut intyget.",
      ready: "Intyget visas nedanför och kan skrivas ut.",
      unanswered: "{n} av {t} frågor är inte besvarade ({list}). De räknas som fel. Vill du rätta testet ändå?",
      wrongHead: "Frågor du svarade fel på eller inte besvarade:",
      lmsCaption: "Dina resultat i lärplattformen",
      lmsCert: "Dina resultat sparas i din organisations lärplattform. Det är lärplattformens uppgifter som gäller: där ser din chef att du har gjort utbildningen. Status just nu: {status}.",
      lmsStatus: { passed: "godkänd", failed: "inte godkänd på slutprovet", incomplete: "inte klar" }
    },
    en: {
      check: "Check my answers", retry: "Try again", right: "Right", wrong: "Wrong",
      none: "Not answered, counts as wrong", yours: "your answer", key: "right answer",
      number: "Question {i} of {n}",
      score: "Result: {r} of {n} right ({p} %).", pass: "Passed!",
      fail: "Not passed yet: you need at least {m} %. Read the sections linked at the questions and try again.",
      best: "Your best result so far: {p} %{ok}, {date}.", bestOk: ", passed",
      noStore: "Your browser does not allow results to be saved. The tests still work, but results are not kept.",
      notSaved: "The result could not be saved in this browser.",
      notSavedLms: "The result could not be saved in the learning platform. Try again later.",
      passed: "Passed", failed: "Not passed yet", todo: "Not taken",
      reset: "Delete my results", confirm: "Do you want to delete all your results in this browser?",
      cleared: "Your results have been deleted.",
      locked: "The certificate becomes available when you have passed every self-test and the final test. Remaining: {list}.",
      lockedTrack: "The certificate for the track becomes available when you have passed the track's tests. Remaining: {list}.",
      noName: "Write your name to print the certificate.",
      ready: "The certificate is shown below and can be printed.",
      unanswered: "{n} of {t} questions are not answered ({list}). They count as wrong. Do you want to check the test anyway?",
      wrongHead: "Questions you answered wrongly or did not answer:",
      lmsCaption: "Your results in the learning platform",
      lmsCert: "Your results are saved in your organisation's learning platform. Its record is the one that counts: that is where your manager sees that you have taken the course. Status now: {status}.",
      lmsStatus: { passed: "passed", failed: "final test not passed", incomplete: "not finished" }
    }
  };
  var lang = (root.getAttribute("lang") || "sv").slice(0, 2) === "en" ? "en" : "sv";
  var T = S[lang];
  var PREFIX = "kb:quiz:", MAX = 300, store = null, toldSave = false, updates = [], lms = null;
  try { /* the SCORM launch page (overrides/scorm/launch.js), same origin, connected to an LMS */
    if (window.parent !== window && window.parent.KB_LMS && window.parent.KB_LMS.active) lms = window.parent.KB_LMS;
  } catch (e) { lms = null; }

  function f(s, o) { return s.replace(/\{(\w+)\}/g, function (m, k) { return o[k]; }); }
  function all(sel, el) { return [].slice.call((el || d).querySelectorAll(sel)); }
  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(text, cls) { var b = el("button", "md-button " + (cls || ""), text); b.type = "button"; return b; }
  function say(region, text) { region.textContent = ""; setTimeout(function () { region.textContent = text; }, 100); }
  function today() {
    var t = new Date();
    return t.getFullYear() + "-" + ("0" + (t.getMonth() + 1)).slice(-2) + "-" + ("0" + t.getDate()).slice(-2);
  }

  /* ---- storage: every access guarded ---- */
  try {
    store = window.localStorage;
    store.setItem(PREFIX + "test", "1");
    store.removeItem(PREFIX + "test");
  } catch (e) { store = null; }

  function key(id, v) { return PREFIX + id + ":v" + v; }
  function read(id, v) {
    if (lms) return lms.read(id, v);
    if (!store) return null;
    var k = key(id, v);
    try {
      var raw = store.getItem(k), o = null;
      if (!raw) return null;
      try { o = raw.length <= MAX ? JSON.parse(raw) : null; } catch (e) { o = null; }
      if (o && typeof o.best === "number" && o.best >= 0 && o.best <= 100) return o;
      store.removeItem(k); /* corrupt or oversized: forget it */
    } catch (e) { /* blocked after load */ }
    return null;
  }
  function write(id, v, o, last) {
    if (lms) return lms.write(id, v, o, last);
    if (!store) return false;
    try {
      var s = JSON.stringify({ best: o.best, passed: !!o.passed, date: String(o.date).slice(0, 10) });
      if (s.length > MAX) return false;
      store.setItem(key(id, v), s);
      return true;
    } catch (e) { return false; }
  }
  function keys(prefix) {
    var out = [], i, k;
    try { for (i = 0; i < store.length; i++) { k = store.key(i); if (k && k.indexOf(prefix) === 0) out.push(k); } } catch (e) { /* ignore */ }
    return out;
  }
  function drop(list) { list.forEach(function (k) { try { store.removeItem(k); } catch (e) { /* ignore */ } }); }
  function prune(id, v) { /* a new quiz version starts afresh */
    if (store && !lms) drop(keys(PREFIX + id + ":v").filter(function (k) { return k !== key(id, v); }));
  }
  function note(where, text) { var p = el("p", "quiz__note", text); where.appendChild(p); return p; }

  /* ---- a quiz ---- */
  function initQuiz(form) {
    var id = form.getAttribute("data-quiz"), v = form.getAttribute("data-version");
    var pass = +form.getAttribute("data-pass") || 80, shuffled = form.hasAttribute("data-final");
    var qs = all(".quiz__question", form);
    var bar = el("div", "quiz__actions"), check = button(T.check, "md-button--primary"), again = button(T.retry);
    var status = el("div", "quiz__status"), best = el("p", "quiz__best");
    status.setAttribute("role", "status");
    check.type = "submit";
    again.hidden = true;
    bar.appendChild(check);
    bar.appendChild(again);
    form.appendChild(bar);
    form.appendChild(status);
    form.appendChild(best);
    if (!store && !lms) note(form, T.noStore);
    var review = el("div", "quiz__review");
    review.hidden = true;
    form.appendChild(review);
    form.classList.add("quiz--js");
    prune(id, v);

    function showBest() {
      var r = read(id, v);
      best.textContent = r ? f(T.best, { p: r.best, ok: r.passed ? T.bestOk : "", date: r.date }) : "";
    }
    function order() {
      if (shuffled) {
        for (var i = qs.length - 1; i > 0; i--) {
          var j = Math.floor(Math.random() * (i + 1)), t = qs[i];
          qs[i] = qs[j];
          qs[j] = t;
        }
        qs.forEach(function (q) { form.insertBefore(q, bar); });
      }
      qs.forEach(function (q, i) {
        var n = q.querySelector(".quiz__number");
        if (n) n.textContent = f(T.number, { i: i + 1, n: qs.length });
      });
    }
    function unanswered() {
      return qs.filter(function (q) { return !q.querySelector("input:checked"); });
    }
    function showReview(wrong) {
      review.innerHTML = "";
      review.hidden = !wrong.length;
      if (!wrong.length) return;
      review.appendChild(el("p", "quiz__review-title", T.wrongHead));
      var ul = el("ul");
      wrong.forEach(function (q) {
        var a = el("a", "", (q.querySelector(".quiz__number") || {}).textContent + ": " + (q.querySelector(".quiz__text") || {}).textContent);
        a.href = "#" + q.id;
        var li = el("li");
        li.appendChild(a);
        ul.appendChild(li);
      });
      review.appendChild(ul);
    }
    function grade() {
      var right = 0, wrong = [];
      qs.forEach(function (q) {
        var correct = (q.getAttribute("data-correct") || "").split(" ");
        var inputs = all("input", q), chosen = [];
        inputs.forEach(function (i) { if (i.checked) chosen.push(i.value); });
        var ok = chosen.length === correct.length && chosen.every(function (c) { return correct.indexOf(c) >= 0; });
        if (ok) right++; else wrong.push(q);
        inputs.forEach(function (i) {
          var good = correct.indexOf(i.value) >= 0;
          var text = i.checked ? T.yours + ": " + (good ? T.right : T.wrong).toLowerCase() : good ? T.key : "";
          var label = q.querySelector('label[for="' + i.id + '"]');
          if (text && label) label.appendChild(el("span", "quiz__mark quiz__mark--" + (good ? "right" : "wrong"), " (" + text + ")"));
        });
        var box = el("div", "quiz__result quiz__result--" + (ok ? "right" : "wrong"));
        box.appendChild(el("p", "quiz__verdict", ok ? "✓ " + T.right : "✗ " + (chosen.length ? T.wrong : T.none)));
        chosen.forEach(function (c) {
          var dd = q.querySelector('[data-option="' + c + '"] dd');
          if (dd) box.appendChild(el("p", "", dd.textContent));
        });
        var ex = q.querySelector(".quiz__explanation");
        if (ex) box.appendChild(ex.cloneNode(true));
        q.insertBefore(box, q.querySelector(".quiz__answer"));
        q.disabled = true;
      });
      var n = qs.length, p = Math.round(100 * right / n), passed = p >= pass;
      var msg = f(T.score, { r: right, n: n, p: p }) + " " + (passed ? T.pass : f(T.fail, { m: pass }));
      var old = read(id, v) || { best: 0, passed: false, date: "" };
      var rec = { best: Math.max(old.best, p), passed: old.passed || passed, date: old.date };
      if (p >= old.best || (passed && !old.passed)) rec.date = today();
      if (!write(id, v, rec, p) && (store || lms) && !toldSave) { msg += " " + (lms ? T.notSavedLms : T.notSaved); toldSave = true; }
      form.classList.add("quiz--checked");
      check.hidden = true;
      again.hidden = false;
      again.focus();
      say(status, msg);
      showReview(wrong);
      showBest();
    }
    function retry() {
      qs.forEach(function (q) {
        q.disabled = false;
        all(".quiz__result, .quiz__mark", q).forEach(function (x) { x.parentNode.removeChild(x); });
        all("input", q).forEach(function (i) { i.checked = false; });
        all("details", q).forEach(function (x) { x.open = false; });
      });
      form.classList.remove("quiz--checked");
      status.textContent = "";
      showReview([]);
      again.hidden = true;
      check.hidden = false;
      order();
      var first = qs[0] && qs[0].querySelector("input");
      if (first) first.focus();
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (form.classList.contains("quiz--checked")) return;
      var open = unanswered();
      if (open.length && !window.confirm(f(T.unanswered, { n: open.length, t: qs.length,
          list: open.map(function (q) { return qs.indexOf(q) + 1; }).join(", ") }))) {
        var first = open[0].querySelector("input");
        if (first) first.focus();
        return;
      }
      grade();
    });
    /* Enter on an answer chooses nothing and never submits the whole test (only the button does). */
    form.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target && e.target.tagName === "INPUT") e.preventDefault();
    });
    again.addEventListener("click", retry);
    order();
    showBest();
  }

  /* ---- the learner's progress table ---- */
  function initProgress(box) {
    var rows = all("tr[data-quiz]", box), msg = el("p", "course-progress__msg"), reset = button(T.reset);
    msg.setAttribute("role", "status");
    all(".js-hide", box).forEach(function (x) { x.hidden = true; });
    function fill() {
      rows.forEach(function (r) {
        var id = r.getAttribute("data-quiz"), v = r.getAttribute("data-version"), rec;
        prune(id, v);
        rec = read(id, v);
        r.cells[1].textContent = rec ? (rec.passed ? "✓ " + T.passed : T.failed) : T.todo;
        r.cells[2].textContent = rec ? rec.best + " %" + (rec.date ? " (" + rec.date + ")" : "") : "–";
        r.className = rec && rec.passed ? "is-passed" : "";
      });
    }
    reset.addEventListener("click", function () {
      if (!window.confirm(T.confirm)) return;
      drop(keys(PREFIX));
      updates.forEach(function (u) { u(); });
      say(msg, T.cleared);
    });
    box.appendChild(reset);
    box.appendChild(msg);
    if (lms) {
      reset.hidden = true; /* the LMS keeps the record; it is not the learner's to delete */
      var cap = box.querySelector("caption");
      if (cap) cap.textContent = T.lmsCaption;
    } else if (!store) { reset.hidden = true; note(box, T.noStore); }
    updates.push(fill);
    fill();
  }

  /* ---- the certificate, the course's or a track's, once every test in its table is passed
     (markup: overrides/components/course-certificate.html) ---- */
  function longDate(iso) {
    var p = String(iso || "").split("-");
    if (p.length !== 3) return "–";
    return new Date(+p[0], +p[1] - 1, +p[2]).toLocaleDateString(lang === "en" ? "en-GB" : "sv-SE", { year: "numeric", month: "long", day: "numeric" });
  }
  function initCertificate(box) {
    var form = box.querySelector("form"), sheet = box.querySelector(".certificate__sheet");
    var locked = el("p", "certificate__locked"), input = form.querySelector("input");
    var error = box.querySelector(".certificate__error"), msg = el("p", "certificate__msg");
    msg.setAttribute("role", "status");
    all(".js-hide", box).forEach(function (x) { x.hidden = true; });
    box.insertBefore(locked, form);
    box.insertBefore(msg, sheet);
    var rows = all("tr[data-quiz]", sheet);
    if (lms) { /* in an LMS the platform's record is the proof: no certificate from this browser */
      var lmsNote = el("p", "certificate__lms");
      box.insertBefore(lmsNote, locked);
      locked.hidden = form.hidden = sheet.hidden = true;
      updates.push(function () { lmsNote.textContent = f(T.lmsCert, { status: T.lmsStatus[lms.status()] || lms.status() }); });
      updates[updates.length - 1]();
      return;
    }
    function update() {
      var left = rows.filter(function (x) {
        var r = read(x.getAttribute("data-quiz"), x.getAttribute("data-version"));
        return !(r && r.passed);
      });
      locked.textContent = f(box.hasAttribute("data-track") ? T.lockedTrack : T.locked, { list: left.map(function (x) { return x.getAttribute("data-title"); }).join(", ") });
      locked.hidden = !left.length;
      form.hidden = !!left.length;
      if (left.length) { sheet.hidden = true; root.classList.remove("kb-certificate-ready"); }
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var name = input.value.replace(/\s+/g, " ").trim();
      if (!name) {
        say(error, T.noName); /* role=alert, in the page from the start: announced */
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      error.textContent = "";
      input.removeAttribute("aria-invalid");
      sheet.querySelector("[data-certificate-name]").textContent = name;
      rows.forEach(function (x) {
        var r = read(x.getAttribute("data-quiz"), x.getAttribute("data-version"));
        x.querySelector("[data-certificate-score]").textContent = r ? r.best + " %" : "–";
        x.querySelector("[data-certificate-test-date]").textContent = r ? longDate(r.date) : "–";
      });
      sheet.querySelector("[data-certificate-date]").textContent = longDate(today());
      sheet.hidden = false;
      var copy = d.querySelector("body > .certificate-print") || d.body.appendChild(el("div", "certificate-print"));
      copy.setAttribute("aria-hidden", "true");
      copy.innerHTML = "";
      copy.appendChild(sheet.cloneNode(true));
      root.classList.add("kb-certificate-ready");
      say(msg, T.ready);
      if (window.print) window.print();
    });
    updates.push(update);
    update();
  }

  all("form.quiz[data-quiz]").forEach(initQuiz);
  all("[data-course-progress]").forEach(initProgress);
  all("[data-certificate]").forEach(initCertificate);

  /* ---- course tracks (scripts/tracks.py): progress per track, and certificates that follow a test graded
     on the same page. Additive: uses read()/prune() above and the same storage keys. ---- */
  var TS = {
    sv: { done: "Klart", ownDone: "Testet klart, {list} återstår", failedT: "Inte godkänd ännu", notStarted: "Inte påbörjat" },
    en: { done: "Completed", ownDone: "Test passed, {list} remaining", failedT: "Not passed yet", notStarted: "Not started" }
  }[lang];
  function passedAll(spec) {
    return (spec || "").split(" ").filter(Boolean).every(function (x) {
      var i = x.lastIndexOf(":"), r = read(x.slice(0, i), x.slice(i + 1));
      return !!(r && r.passed);
    });
  }
  function initTrackProgress(box) {
    var rows = all("tr[data-track]", box);
    all(".js-hide", box).forEach(function (x) { x.hidden = true; });
    function fill() {
      rows.forEach(function (r) {
        var id = r.getAttribute("data-quiz"), v = r.getAttribute("data-version"), rec, needs;
        prune(id, v);
        rec = read(id, v);
        needs = passedAll(r.getAttribute("data-needs"));
        r.cells[2].textContent = rec && rec.passed ? (needs ? "✓ " + TS.done : f(TS.ownDone, { list: r.getAttribute("data-needs-title") }))
          : rec ? TS.failedT : TS.notStarted;
        r.cells[3].textContent = rec ? rec.best + " %" + (rec.date ? " (" + rec.date + ")" : "") : "–";
        r.className = rec && rec.passed && needs ? "is-passed" : "";
      });
    }
    updates.push(fill);
    fill();
  }
  all("[data-track-progress]").forEach(initTrackProgress);
  /* a certificate on the same page as its test unlocks as soon as the test is graded */
  if (window.MutationObserver && d.querySelector("[data-certificate]")) {
    all("form.quiz[data-quiz]").forEach(function (form) {
      new MutationObserver(function () { updates.forEach(function (u) { u(); }); })
        .observe(form, { attributes: true, attributeFilter: ["class"] });
    });
  }
})();
