/* The «تضمين» disclosure (partials/embed-code.html): a copy button for the
 * embed snippet. The button stays hidden without JavaScript; the snippet can
 * still be selected in its textarea. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-copy]");
  Array.prototype.forEach.call(buttons, function (button) {
    var text = document.getElementById(button.getAttribute("data-copy"));
    var status = button.parentNode.querySelector("[role=status]");
    if (!text) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      function done(ok) {
        if (status) status.textContent = ok ? "نُسخت الشفرة." : "تعذّر النسخ؛ حدِّد الشفرة وانسخها يدويًا.";
      }
      text.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text.value).then(function () { done(true); }, function () {
          done(document.execCommand && document.execCommand("copy"));
        });
      } else {
        done(document.execCommand && document.execCommand("copy"));
      }
    });
  });
})();
