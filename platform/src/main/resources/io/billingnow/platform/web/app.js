// BillingNow web app: the one script of our own (CSP script-src 'self', no inline script). Everything works without
// it; it only adds conveniences.
// A button with data-copy="<id>" copies the value (or text) of the element with that id, then says so with its
// data-copied text.
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("[data-copy]") : null;
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) {
    return;
  }
  var text = source.value !== undefined ? source.value : source.textContent;
  var done = function () {
    var copied = button.getAttribute("data-copied");
    if (copied) {
      button.textContent = copied;
    }
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, function () {
      if (source.select) { source.select(); }
    });
  } else if (source.select) {
    source.select();
    if (document.execCommand("copy")) {
      done();
    }
  }
});
