// "ดาวน์โหลดสำหรับออฟไลน์" (templates/offline/_download.html), loaded by app.js on the
// first tap only, so no page pays for it up front: register the service worker
// (static/sw.js, from the site root), ask the server which pages this officer takes
// to the field, and have the worker fetch and keep them (README "Offline").
window.offlineDownload = function (button) {
  var box = button.closest("[data-offline-download]");
  var said = box.querySelector("[data-offline-at]");
  button.disabled = true;
  said.textContent = box.dataset.msgWorking;
  function done(text) { said.textContent = text; button.disabled = false; }
  window.phoneForgotten // (app.js: another user's worker and files go first)
    .then(function () { return navigator.serviceWorker.register("/sw.js", { scope: "/" }); })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (reg) {
      return fetch(button.dataset.pages, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { if (!r.ok) throw new Error("pages"); return r.json(); })
        .then(function (list) {
          return new Promise(function (ok) {
            var channel = new MessageChannel();
            channel.port1.onmessage = function (m) { ok(m.data); };
            reg.active.postMessage({ type: "download", user: String(list.user), urls: list.urls, keepDays: list.keep_days }, [channel.port2]);
          });
        });
    })
    .then(function (result) {
      if (result.error || !result.count) throw new Error(result.error || "nothing");
      localStorage.setItem("sammachip.offline.at", JSON.stringify(result));
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
      done(window.offlineSaid(box, result));
    })
    .catch(function () { done(box.dataset.msgFailed); });
};
