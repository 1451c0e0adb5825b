/* Material's inline head script (partials/javascripts/base.html), as a file so that the Content Security
   Policy needs no 'unsafe-inline'. The storage scope varies with page depth: the template passes it as
   data-md-scope on this script element (Material 9.8.1; re-check on upgrade). */
(function () {
  var el = document.currentScript;
  window.__md_scope = new URL((el && el.getAttribute("data-md-scope")) || ".", location);
  window.__md_hash = function (e) {
    return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage; scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage; scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  };
})();
