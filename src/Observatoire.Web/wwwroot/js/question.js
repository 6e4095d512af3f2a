// Survey builder: show only the settings of the chosen question type (answers for choices, labels for a scale,
// bounds for a number). Without this file every group shows and the server ignores the ones the type does not use.
(function () {
  var type = document.getElementById("Input_Type");
  if (!type) return;
  var groups = document.querySelectorAll("fieldset[data-types]");
  function update() {
    groups.forEach(function (group) {
      group.hidden = group.getAttribute("data-types").split(" ").indexOf(type.value) < 0;
    });
  }
  type.addEventListener("change", update);
  update();
})();
