// Enhancement only: « Chercher » asks the server for the matching observations without sending the form. Without it,
// the button posts the whole form to the Observations handler, which answers with the same form, everything typed
// kept, and the results.
(function () {
  var picker = document.querySelector('.observation-picker');
  if (!picker || !window.fetch || !window.URL) return;
  var input = picker.querySelector('input[type=search]');
  var button = picker.querySelector('[data-observation-search]');
  var status = picker.querySelector('.observation-status');
  var found = picker.querySelector('.observation-found');
  var linked = picker.querySelector('.observation-linked');
  var none = picker.querySelector('.observation-none');
  if (!input || !button || !status || !found || !linked) return;
  var bypass = false;
  // Says that searches stay in place (read by the browser test that runs the form without it).
  picker.setAttribute('data-enhanced', '');

  // What a post would keep: the ticked results join the linked ones, the unticked linked ones leave.
  function settle() {
    found.querySelectorAll('input[type=checkbox]:checked').forEach(function (box) { linked.appendChild(box.closest('label')); });
    linked.querySelectorAll('input[type=checkbox]:not(:checked)').forEach(function (box) { box.closest('label').remove(); });
    if (none) none.hidden = linked.querySelector('input') !== null;
  }

  function search() {
    var q = input.value.trim();
    if (!q) {
      status.textContent = 'Tapez des mots ou un numéro d\u2019observation à chercher.';
      input.focus();
      return;
    }
    settle();
    var url = new URL(button.formAction, window.location.href);
    url.searchParams.set('handler', 'Observations');
    url.searchParams.set('q', q);
    linked.querySelectorAll('input[type=checkbox]:checked').forEach(function (box) { url.searchParams.append('lie', box.value); });
    status.textContent = 'Recherche en cours\u2026';
    fetch(url.toString(), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        // The server's fragment, every value encoded by Razor: the same markup the form shows without JavaScript.
        found.innerHTML = html;
        var results = found.querySelector('[data-status]');
        status.textContent = results ? results.getAttribute('data-status') : '';
      })
      .catch(function () {
        // The page's own search still works: send the form as without JavaScript.
        bypass = true;
        button.click();
      });
  }

  button.addEventListener('click', function (event) {
    if (bypass) return;
    event.preventDefault();
    search();
  });
  input.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    search();
  });
})();
