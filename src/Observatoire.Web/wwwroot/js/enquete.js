// Survey screens: move the focus to the error summary so keyboard and screen-reader users land on what to fix.
// Everything works without this file.
(function () {
  var summary = document.getElementById("erreurs");
  if (summary) summary.focus();
})();
