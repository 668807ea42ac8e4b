// IncidentResponse: a Copy button for a link shown in a read-only field. Without this script the button stays hidden (class js-only)
// and the link can still be selected and copied by hand; with it, pressing the button copies the whole link and says
// so in a status the screen reader announces.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-copy-from]");
  for (var i = 0; i < buttons.length; i++) {
    (function (button) {
      var source = document.getElementById(button.getAttribute("data-copy-from"));
      var status = document.getElementById(button.getAttribute("data-copy-status"));
      if (!source || !status) { return; }
      function say(text) { status.textContent = text; }
      function selectAll() { source.focus(); source.select(); }
      button.addEventListener("click", function () {
        say("");
        var text = source.value;
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(function () {
            say("Copied. You can paste the link into a message now.");
          }, function () {
            selectAll();
            say("This browser did not allow copying. The link is selected: copy it with your device's Copy.");
          });
        } else {
          selectAll();
          say("The link is selected: copy it with your device's Copy.");
        }
      });
    })(buttons[i]);
  }
})();
