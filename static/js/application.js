// Start the GOV.UK Frontend components (error summary focus, service navigation toggle, ...).
if (window.GOVUKFrontend && document.body.classList.contains("govuk-frontend-supported")) {
  window.GOVUKFrontend.initAll();
}
