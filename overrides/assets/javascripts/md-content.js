/* Material's inline scripts after the content (partials/javascripts/content.html): open the tab that the
   address's #fragment names, and with content.tabs.link (data-md-tabs-link) the tabs chosen before. */
(function () {
  var el = document.currentScript;
  if (el && el.hasAttribute("data-md-tabs-link")) {
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = set.querySelector(".tabbed-labels");
        for (var i = 0; i < tabs.length; i++) {
          var found = Array.from(labels.getElementsByTagName("label")).find(function (l) { return l.innerText.trim() === tabs[i]; });
          if (found) { document.getElementById(found.htmlFor).checked = true; return; }
        }
      });
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
