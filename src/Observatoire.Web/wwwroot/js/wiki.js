// Live preview of the wiki editor: the server renders (one Markdown pipeline), this only asks it as you type.
(function () {
  var textarea = document.querySelector('textarea.markdown[data-preview]');
  if (!textarea || !window.fetch) return;
  var target = document.querySelector(textarea.getAttribute('data-preview'));
  var form = textarea.form;
  var token = form.querySelector('input[name="__RequestVerificationToken"]');
  if (!target || !token) return;
  var timer = null;
  var last = null;

  function render() {
    var text = textarea.value;
    if (text === last) return;
    last = text;
    var body = new URLSearchParams();
    body.append('__RequestVerificationToken', token.value);
    body.append('Input.Markdown', text);
    fetch(form.getAttribute('action') ? form.action + (form.action.indexOf('?') < 0 ? '?' : '&') + 'handler=Render' : '?handler=Render', {
      method: 'POST', body: body, credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) {
      // The fragment is the server's sanitised rendering, the same HTML the saved page shows.
      target.innerHTML = '<h2>Aperçu en direct</h2><div class="wiki-content">' + html + '</div>';
      target.hidden = false;
    }).catch(function () { target.hidden = true; });
  }

  textarea.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(render, 600);
  });
})();
