// IncidentResponse: a Print button. Without this script the button stays hidden (class js-only) and the browser's own
// Print still works.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
