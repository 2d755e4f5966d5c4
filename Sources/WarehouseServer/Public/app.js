// The pages' small behaviours, in one file so that the Content-Security-Policy allows no inline script.
// Every page works without it.
(function () {
  // The dossier page: a line while OCR runs, and drag and drop onto the upload field.
  var upload = document.getElementById('upload');
  if (upload) {
    upload.addEventListener('submit', function () {
      var progress = document.getElementById('progress');
      if (progress) progress.hidden = false;
    });
    var input = upload.querySelector('input[type=file]');
    var zone = input && input.closest('label');
    if (zone) {
      ['dragover', 'dragenter'].forEach(function (e) {
        zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.add('over'); });
      });
      zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
      zone.addEventListener('drop', function (ev) { ev.preventDefault(); zone.classList.remove('over'); input.files = ev.dataTransfer.files; });
    }
  }
  // /verify: the seal travels in the URL fragment (never sent to any server log); put it in the form.
  var payload = document.getElementById('payload');
  if (payload && location.hash.length > 1 && !document.getElementById('verdict')) {
    payload.value = decodeURIComponent(location.hash.slice(1));
    payload.form.submit();
  }
})();
