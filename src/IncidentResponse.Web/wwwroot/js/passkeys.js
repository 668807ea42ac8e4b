// IncidentResponse: passkeys (WebAuthn). Adding one on the Passkeys page, and "Sign in with a passkey" on the sign-in
// page. Without this script, or in a browser without passkeys, neither control is shown and nothing else changes.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !navigator.credentials) { return; }

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) { base64 += "="; }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function token() {
    var field = document.querySelector("input[name=__rvt]");
    return field ? field.value : "";
  }

  // Posts JSON to one of the page's handlers. A step-up that has run out answers with the passphrase page: go there.
  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token() },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      if (response.redirected) { window.location.assign(response.url); return new Promise(function () {}); }
      return response.json();
    });
  }

  function descriptors(list) {
    return (list || []).map(function (d) { return { type: d.type || "public-key", id: toBytes(d.id), transports: d.transports }; });
  }

  function say(status, text) { if (status) { status.textContent = text; } }

  // The words come with the page, in its language: data-wait and data-failed on the form or button.
  function words(element, name) { return element.getAttribute("data-" + name) || ""; }

  var add = document.querySelector("form[data-passkey-add]");
  if (add) {
    var addStatus = document.getElementById("passkey-status");
    add.addEventListener("submit", function (event) {
      event.preventDefault();
      say(addStatus, words(add, "wait"));
      var name = document.getElementById("passkey-name").value;
      post("/account/passkeys?handler=Options").then(function (started) {
        var options = started.options;
        options.challenge = toBytes(options.challenge);
        options.user.id = toBytes(options.user.id);
        options.excludeCredentials = descriptors(options.excludeCredentials);
        return navigator.credentials.create({ publicKey: options }).then(function (credential) {
          return post("/account/passkeys?handler=Add", {
            ceremony: started.ceremony,
            name: name,
            response: {
              id: credential.id,
              rawId: toText(credential.rawId),
              type: credential.type,
              response: {
                attestationObject: toText(credential.response.attestationObject),
                clientDataJSON: toText(credential.response.clientDataJSON),
                transports: credential.response.getTransports ? credential.response.getTransports() : []
              },
              clientExtensionResults: credential.getClientExtensionResults()
            }
          });
        });
      }).then(function (answer) {
        if (answer.redirect) { window.location.assign(answer.redirect); } else { say(addStatus, answer.error); }
      }, function () {
        say(addStatus, words(add, "failed"));
      });
    });
  }

  var signIn = document.querySelector("button[data-passkey-sign-in]");
  if (signIn) {
    var section = document.getElementById("passkey-sign-in");
    var signInStatus = document.getElementById("passkey-status");
    var returnUrl = signIn.getAttribute("data-return-url") || "";
    var query = returnUrl ? "&returnUrl=" + encodeURIComponent(returnUrl) : "";
    section.hidden = false;
    signIn.addEventListener("click", function () {
      say(signInStatus, words(signIn, "wait"));
      post("/account/sign-in?handler=PasskeyOptions").then(function (started) {
        var options = started.options;
        options.challenge = toBytes(options.challenge);
        options.allowCredentials = descriptors(options.allowCredentials);
        return navigator.credentials.get({ publicKey: options }).then(function (credential) {
          return post("/account/sign-in?handler=Passkey" + query, {
            ceremony: started.ceremony,
            response: {
              id: credential.id,
              rawId: toText(credential.rawId),
              type: credential.type,
              response: {
                authenticatorData: toText(credential.response.authenticatorData),
                clientDataJSON: toText(credential.response.clientDataJSON),
                signature: toText(credential.response.signature),
                userHandle: credential.response.userHandle ? toText(credential.response.userHandle) : null
              },
              clientExtensionResults: credential.getClientExtensionResults()
            }
          });
        });
      }).then(function (answer) {
        if (answer.redirect) { window.location.assign(answer.redirect); } else { say(signInStatus, answer.error); }
      }, function () {
        say(signInStatus, words(signIn, "failed"));
      });
    });
  }
})();
