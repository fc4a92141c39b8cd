// The warning before an idle session ends (templates/accounts/session_timeout.html).
// The server decides: when the warning is due, this asks it how long the session has left
// (GET, which is not activity), so activity in another tab counts. "Stay signed in" (or Esc)
// POSTs the keep-alive form with its CSRF token; "Sign out" is the ordinary sign-out form.
// Once the session is over, the sign-in page says why.
(function () {
  "use strict";
  var dialog = document.getElementById("session-timeout");
  if (!dialog || typeof dialog.showModal !== "function" || !window.fetch) {
    return;
  }
  var warningSeconds = Number(dialog.dataset.warningSeconds);
  var countdown = dialog.querySelector("[data-countdown]");
  var keepAlive = dialog.querySelector("form[data-keep-alive]");
  var deadline = 0;
  var timer = null;
  var ticker = null;

  function words(seconds) {
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60);
      return minutes + (minutes === 1 ? " minute" : " minutes");
    }
    return seconds + (seconds === 1 ? " second" : " seconds");
  }

  function update() {
    countdown.textContent = words(Math.max(0, Math.round((deadline - Date.now()) / 1000)));
  }

  function show() {
    update();
    if (!dialog.open) {
      dialog.showModal();
    }
    clearInterval(ticker);
    ticker = setInterval(update, 1000);
  }

  function hide() {
    clearInterval(ticker);
    if (dialog.open) {
      dialog.close();
    }
  }

  function signedOut() {
    var here = window.location.pathname + window.location.search;
    window.location.assign(dialog.dataset.signInUrl + "?next=" + encodeURIComponent(here));
  }

  function answered(response) {
    var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
    return response.ok && json ? response.json() : { signed_in: false };
  }

  function follow(answer) {
    if (answer.signed_in) {
      schedule(answer.seconds_left);
    } else {
      signedOut();
    }
  }

  function retryLater() {
    clearTimeout(timer);
    timer = setTimeout(check, 30000);
  }

  function check() {
    fetch(dialog.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(answered)
      .then(follow)
      .catch(retryLater);
  }

  function schedule(secondsLeft) {
    clearTimeout(timer);
    deadline = Date.now() + secondsLeft * 1000;
    if (secondsLeft > warningSeconds) {
      hide();
      timer = setTimeout(check, (secondsLeft - warningSeconds) * 1000);
    } else {
      show();
      timer = setTimeout(check, (secondsLeft + 1) * 1000);
    }
  }

  function stay(event) {
    if (event) {
      event.preventDefault();
    }
    fetch(keepAlive.action, {
      method: "POST",
      body: new FormData(keepAlive),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(answered)
      .then(follow)
      .catch(retryLater);
  }

  keepAlive.addEventListener("submit", stay);
  dialog.addEventListener("cancel", stay); // Esc: stay signed in
  schedule(Number(dialog.dataset.secondsLeft));
})();
