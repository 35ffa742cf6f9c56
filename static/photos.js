// Photos as evidence (templates/photos/_gallery.html): the phone shrinks a photo
// to about 200 KB before sending it over a weak signal, then sends it at once.
// The server turns, strips and resizes again (sammachip/domain/photos.py), so a
// phone that cannot shrink (or has no JavaScript) still sends a usable photo.
(function () {
  if (window.sammachipPhotos) return; // loaded again by a swapped fragment
  window.sammachipPhotos = true;
  var LONG_SIDE = 1600, TARGET = 200 * 1024, QUALITIES = [0.82, 0.72, 0.62, 0.52];

  function toBlob(canvas, quality) {
    return new Promise(function (resolve) { canvas.toBlob(resolve, "image/jpeg", quality); });
  }

  function smallest(canvas, i) {
    return toBlob(canvas, QUALITIES[i]).then(function (blob) {
      if (!blob) throw new Error("encode");
      if (blob.size <= TARGET || i === QUALITIES.length - 1) return blob;
      return smallest(canvas, i + 1);
    });
  }

  function shrink(file) {
    // createImageBitmap turns the picture as its EXIF orientation says; the canvas keeps no metadata.
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, LONG_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      bitmap.close();
      return smallest(canvas, 0);
    });
  }

  function send(form) {
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input.matches || !input.matches("input[type=file][data-shrink]") || !input.files.length) return;
    var file = input.files[0], form = input.form, note = form.querySelector("[data-shrinking]");
    if (!window.createImageBitmap || !window.DataTransfer || file.size <= TARGET) { send(form); return; }
    if (note) note.hidden = false;
    shrink(file).then(function (blob) {
      var list = new DataTransfer();
      list.items.add(new File([blob], (file.name || "photo").replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" }));
      input.files = list.files;
    }).catch(function () {
      // Not a picture this browser can draw (e.g. HEIC): sent as it is, the server says what it accepts.
    }).then(function () {
      if (note) note.hidden = true;
      send(form);
    });
  });
})();
