/* Material's optional inline scripts (partials/javascripts/{palette,announce,outdated,consent}.html) as one
   file, so that turning on a theme option (palette toggle, dismissable banner, version, consent) never
   needs 'unsafe-inline' in the Content Security Policy. The including script element says which one runs
   (data-md-run) and passes its parameters as data attributes. Same logic as Material 9.8.1. */
(function () {
  var el = document.currentScript;
  if (!el) return;
  var run = {
    palette: function () {
      var palette = __md_get("__palette");
      if (!palette || !palette.color) return;
      if (palette.color.media === "(prefers-color-scheme)") {
        var light = matchMedia("(prefers-color-scheme: light)").matches;
        var input = document.querySelector(light ? "[data-md-color-media='(prefers-color-scheme: light)']"
                                                 : "[data-md-color-media='(prefers-color-scheme: dark)']");
        ["media", "scheme", "primary", "accent"].forEach(function (k) {
          palette.color[k] = input.getAttribute("data-md-color-" + k);
        });
      }
      Object.entries(palette.color).forEach(function (kv) { document.body.setAttribute("data-md-color-" + kv[0], kv[1]); });
    },
    announce: function () {
      var box = document.querySelector("[data-md-component=announce]");
      if (box) {
        var content = box.querySelector(".md-typeset");
        if (__md_hash(content.innerHTML) === __md_get("__announce")) box.hidden = true;
      }
    },
    outdated: function () {
      var box = document.querySelector("[data-md-component=outdated]");
      var base = new URL(el.getAttribute("data-md-base"), location);
      if (__md_get("__outdated", sessionStorage, base) === true && box) box.hidden = false;
    },
    consent: function () {
      var form = document.forms.consent, consent = __md_get("__consent");
      if (consent) {
        Array.from(form.elements).forEach(function (i) { if (i.name) i.checked = consent[i.name] || false; });
      } else if (location.protocol !== "file:") {
        setTimeout(function () { document.querySelector("[data-md-component=consent]").hidden = false; }, 250);
      }
      ["submit", "reset"].forEach(function (action) {
        form.addEventListener(action, function (e) {
          e.preventDefault();
          if (e.type === "reset") Array.from(form.elements).forEach(function (i) { if (i.name) i.checked = false; });
          __md_set("__consent", Object.fromEntries(Array.from(new FormData(form).keys()).map(function (k) { return [k, true]; })));
          location.hash = ""; location.reload();
        });
      });
    }
  };
  var name = el.getAttribute("data-md-run");
  if (run[name]) run[name]();
})();
