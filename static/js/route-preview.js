// The record form's route preview follows what is entered: as fields change, the form is
// posted (with its CSRF token, saving nothing) to the preview URL in data-route-preview, and
// the answer's #route-preview-content replaces this page's. Without JavaScript the
// "Update the approval route" button posts the same form there and the page comes back.
(function () {
  "use strict";
  var form = document.querySelector("form[data-route-preview]");
  var content = document.getElementById("route-preview-content");
  if (!form || !content || !window.fetch || !window.FormData || !window.DOMParser) {
    return;
  }
  var url = form.getAttribute("data-route-preview");
  var status = document.getElementById("route-preview-status");
  var button = document.getElementById("route-preview-button");
  var timer = null;
  var latest = 0;

  function update() {
    var data = new FormData(form);
    data.set("action", "preview");
    var asked = ++latest;
    form.setAttribute("aria-busy", "true");
    fetch(url, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        if (asked !== latest) {
          return; // a later change has been sent since
        }
        var fresh = new DOMParser()
          .parseFromString(html, "text/html")
          .getElementById("route-preview-content");
        if (fresh) {
          content.innerHTML = fresh.innerHTML;
          if (status) {
            status.textContent = "The category and approval route have been worked out again.";
          }
        }
      })
      .catch(function () {
        if (status) {
          status.textContent = "The route could not be worked out again: use the button.";
        }
      })
      .finally(function () {
        if (asked === latest) {
          form.removeAttribute("aria-busy");
        }
      });
  }

  function soon(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, delay);
  }

  form.addEventListener("change", function () {
    soon(150);
  });
  form.addEventListener("input", function (event) {
    if (event.target && event.target.tagName !== "TEXTAREA") {
      soon(600);
    }
  });
  if (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      update();
    });
  }
})();
