// IncidentResponse: the binder job page (Pages/Cases/Binder/Job.cshtml). Without this file the page refreshes itself
// every few seconds (a <noscript> refresh). With it, the page asks for the job's progress (state and counts only) every
// second and a half and updates the bar and its words in place; when the job ends it loads the page again, which then
// offers the download or says what happened.
(function () {
  "use strict";
  var root = document.getElementById("binder-job");
  if (!root || !window.fetch) { return; }
  var state = root.getAttribute("data-state");
  if (state !== "queued" && state !== "running") { return; }
  var part = document.getElementById("job-part");
  var bar = document.getElementById("job-progress");
  var text = document.getElementById("job-progress-text");
  var url = root.getAttribute("data-status");

  function tick() {
    window.fetch(url, { credentials: "same-origin", cache: "no-store", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok || (response.headers.get("Content-Type") || "").indexOf("application/json") !== 0) {
          throw new Error("status");
        }
        return response.json();
      })
      .then(function (status) {
        if (status.state !== "queued" && status.state !== "running") {
          window.location.reload();
          return;
        }
        if (part && part.textContent !== status.part) { part.textContent = status.part; }
        if (bar) { bar.value = status.percent; bar.textContent = status.percent + "%"; }
        if (text && text.textContent !== status.text) { text.textContent = status.text; }
        window.setTimeout(tick, 1500);
      })
      .catch(function () { window.location.reload(); });
  }
  window.setTimeout(tick, 1500);
})();
