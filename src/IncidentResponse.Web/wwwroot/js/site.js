// IncidentResponse: the only script. Everything works without it; with it, quick exit also answers the Esc key and
// replaces this page in the history, and a signed-in person is warned before the idle timeout and can stay.
(function () {
  "use strict";
  document.documentElement.classList.add("has-js");

  var exitLink = document.getElementById("quick-exit");
  function quickExit(event) {
    if (event) { event.preventDefault(); }
    // Hide the page before anything else, so nothing of it stays on screen while the next one loads.
    document.documentElement.classList.add("exiting");
    try { window.sessionStorage.clear(); window.localStorage.clear(); } catch (e) { /* storage may be unavailable */ }
    var exitUrl = exitLink ? exitLink.getAttribute("href") : "/exit";
    var away = exitLink ? exitLink.getAttribute("data-away") : null;
    // replace(): the page being left is not kept in the history, so Back does not return to it.
    var gone = false;
    function go(url) { if (!gone) { gone = true; window.location.replace(url); } }
    // A signed-in page carries the sign-out form's antiforgery token; the post below must carry it too.
    var token = document.querySelector("form[action='/account/sign-out'] input[name='__rvt']");
    if (away && token && window.fetch && window.URLSearchParams) {
      // End the session with a request that outlives the page, and go straight to the neutral site once it is
      // answered (so Back finds no session), or after 250 ms whatever happens: a slow link never holds the page.
      try {
        var body = new URLSearchParams();
        body.append("__rvt", token.value);
        window.fetch(exitUrl, { method: "POST", body: body, keepalive: true, credentials: "same-origin", cache: "no-store" })
          .then(function () { go(away); }, function () { go(away); });
        window.setTimeout(function () { go(away); }, 250);
        return;
      } catch (e) { /* fall back to the plain link below */ }
    }
    go(exitUrl);
  }
  if (exitLink) { exitLink.addEventListener("click", quickExit); }
  // A page brought back from the browser's memory after quick exit stays hidden and leaves again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.documentElement.classList.contains("exiting")) { quickExit(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") { quickExit(event); }
  });

  var idleSeconds = parseInt(document.body.getAttribute("data-idle-seconds") || "", 10);
  var dialog = document.getElementById("idle-warning");
  if (!idleSeconds || !dialog) { return; }

  var warnBefore = Math.min(120, Math.floor(idleSeconds / 2));
  var countdown = document.getElementById("idle-countdown");
  var extendForm = document.getElementById("idle-extend-form");
  var deadline, warnTimer, tickTimer, endTimer;

  // The words come with the page, in its language: data-minute="{0} minute", data-minutes="{0} minutes" and so on.
  function words(name, count) {
    return (dialog.getAttribute("data-" + name) || "{0}").replace("{0}", String(count));
  }
  function describe(seconds) {
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60);
      return words(minutes === 1 ? "minute" : "minutes", minutes);
    }
    return words(seconds === 1 ? "second" : "seconds", seconds);
  }
  function showWarning() {
    dialog.hidden = false;
    var button = document.getElementById("idle-extend");
    if (button) { button.focus(); }
    tickTimer = window.setInterval(function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      // Announce only at whole minutes and the last few seconds, so a screen reader is not flooded.
      if (left % 60 === 0 || left <= 10) { countdown.textContent = describe(left); }
    }, 1000);
  }
  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    window.clearInterval(tickTimer);
    dialog.hidden = true;
    deadline = Date.now() + idleSeconds * 1000;
    countdown.textContent = describe(warnBefore);
    warnTimer = window.setTimeout(showWarning, (idleSeconds - warnBefore) * 1000);
    endTimer = window.setTimeout(function () {
      window.location.replace("/account/signed-out?idle=true");
    }, idleSeconds * 1000);
  }
  extendForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var token = extendForm.querySelector("input[name='__rvt']");
    window.fetch(extendForm.action, {
      method: "POST",
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRF-TOKEN": token ? token.value : "" }
    }).then(function (response) {
      // A signed-out session is answered with a redirect to sign in: that is not success.
      if (response.status === 204) { schedule(); } else { window.location.replace("/account/signed-out?idle=true"); }
    });
  });
  schedule();
})();
