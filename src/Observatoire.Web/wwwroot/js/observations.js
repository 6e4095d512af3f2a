// Enhancement only: a box that filters the tool checkboxes by name. Without it the full grouped list works as is.
(function () {
  const picker = document.querySelector('.tool-picker');
  if (!picker) return;
  const box = picker.querySelector('.tool-filter');
  const input = box && box.querySelector('input');
  if (!input) return;
  box.hidden = false;
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  input.addEventListener('input', () => {
    const wanted = fold(input.value.trim());
    picker.querySelectorAll('.tool-group').forEach((group) => {
      let visible = 0;
      group.querySelectorAll('label').forEach((label) => {
        const checkbox = label.querySelector('input');
        // A ticked tool always stays in view, so the user sees what they have chosen.
        const show = !wanted || checkbox.checked || fold(label.textContent).includes(wanted);
        label.hidden = !show;
        if (show) visible++;
      });
      group.hidden = visible === 0;
    });
  });
})();
