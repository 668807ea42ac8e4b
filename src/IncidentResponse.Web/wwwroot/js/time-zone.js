// IncidentResponse: a time zone picker left on its empty choice is set to the browser's own time zone, when that is one
// of the places offered. Nothing is saved until the person presses the form's button; without this script they choose.
(function () {
  "use strict";
  var zone;
  try { zone = window.Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) { return; }
  var pickers = document.querySelectorAll("select[data-guess-zone]");
  for (var i = 0; i < pickers.length; i++) {
    var picker = pickers[i];
    if (picker.value !== "") { continue; }
    for (var j = 0; j < picker.options.length; j++) {
      if (picker.options[j].value === zone) { picker.value = zone; break; }
    }
  }
})();
