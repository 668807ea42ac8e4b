// IncidentResponse: "Preparing…" for a download that takes a while (the binder's PDF, "Download everything"). Only the
// pages that make one load this file. Without it the plain form still works; with it, pressing the button shows that
// the file is being made, a second press starts nothing, and the note clears once the download starts. The form posts
// as usual (the browser itself saves the file): it carries a random token, and the download's answer sets a short-lived
// cookie holding that token (DownloadStarted.cs), which this script watches for. Any other answer (a page saying
// what to fix, or that the last document is still being made) replaces this page, so the note goes with it.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-preparing]");
  Array.prototype.forEach.call(forms, function (form) {
    var note = document.getElementById(form.getAttribute("data-preparing"));
    var cookieName = form.getAttribute("data-download-cookie");
    var tokenField = form.querySelector("input[name='DownloadToken']");
    if (!note || !cookieName || !tokenField || !window.crypto || !window.crypto.getRandomValues) { return; }
    var buttons = form.querySelectorAll("button[type='submit']");
    var busy = false;
    var watch = null;
    var giveUp = null;

    function newToken() {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    function cookie() {
      var parts = document.cookie ? document.cookie.split("; ") : [];
      for (var i = 0; i < parts.length; i++) {
        if (parts[i].indexOf(cookieName + "=") === 0) { return parts[i].substring(cookieName.length + 1); }
      }
      return null;
    }
    function forget() {
      var secure = window.location.protocol === "https:" || cookieName.indexOf("__Host-") === 0;
      document.cookie = cookieName + "=; Max-Age=0; Path=/; SameSite=Strict" + (secure ? "; Secure" : "");
    }
    function setButtons(disabled) {
      Array.prototype.forEach.call(buttons, function (button) { button.disabled = disabled; });
    }
    function finish(text) {
      busy = false;
      window.clearInterval(watch);
      window.clearTimeout(giveUp);
      tokenField.value = "";
      setButtons(false);
      note.textContent = text || "";
      note.className = text ? "callout" : "";
    }

    form.addEventListener("submit", function (event) {
      // While one download is being made, nothing else is sent from this form: another press would ask for a second
      // one, and any other button would leave the page and cancel the download on its way.
      if (busy) { event.preventDefault(); return; }
      var button = event.submitter;
      if (!button || !button.hasAttribute("data-preparing-button")) { return; }
      busy = true;
      var token = newToken();
      tokenField.value = token;
      note.textContent = note.getAttribute("data-text");
      note.className = "callout";
      // After the browser has read the form (a disabled button is not sent), so the request still names its handler.
      window.setTimeout(function () { setButtons(true); }, 0);
      watch = window.setInterval(function () {
        if (cookie() === token) {
          forget();
          finish(note.getAttribute("data-done"));
        }
      }, 400);
      // A binder is given up by the server after five minutes; should no answer come at all, let the person try again.
      giveUp = window.setTimeout(function () { finish(note.getAttribute("data-again")); }, 6 * 60 * 1000);
    });

    // A page brought back from the browser's memory starts afresh.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) { finish(""); }
    });
  });
})();
