// Where htmx swaps only a region of a page (the action lists), anything other than that region's own answer
// becomes a full page load instead: a redirect (e.g. to sign in again after the session ended), a refusal or
// an error page, or no answer at all. Loaded from a file: the Content-Security-Policy allows no inline script.
(function () {
  "use strict";

  function asked(detail) {
    return new URL(detail.pathInfo.finalRequestPath, window.location.href);
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    var wanted = asked(event.detail);
    var answered = xhr.responseURL ? new URL(xhr.responseURL) : wanted;
    if (answered.origin !== wanted.origin || answered.pathname !== wanted.pathname) {
      event.detail.shouldSwap = false;
      window.location.assign(answered.href);
    }
  });

  function reload(event) {
    window.location.assign(asked(event.detail).href);
  }

  document.addEventListener("htmx:responseError", reload);
  document.addEventListener("htmx:sendError", reload);
})();
