// A failed request never costs the officer's typing. htmx swaps nothing on a
// failure (base.html's responseHandling: only 2xx, and 409/422 which are our
// own form pages with their errors); this file says in Thai what happened and
// offers to send the same request again, with a fresh form token.
var lastRequest = null; // the element and button of the request that failed, to send again
var renewedOnce = false;

function say(message, actions) {
  var box = document.getElementById("flash");
  if (!box) return;
  var p = document.createElement("p");
  p.className = "flash flash-error failed";
  p.setAttribute("role", "alert");
  p.textContent = message + " ";
  (actions || []).forEach(function (a) { p.appendChild(a); });
  box.replaceChildren(p);
  window.scrollTo(0, 0);
}

function retryButton() {
  var b = document.createElement("button");
  b.type = "button";
  b.className = "retry";
  b.textContent = document.body.dataset.msgRetry;
  b.addEventListener("click", function () { sendAgain(); });
  return b;
}

function loginLink() {
  var a = document.createElement("a");
  a.href = "/login";
  a.target = "_blank"; // log in beside the form, which stays as typed
  a.rel = "noopener";
  a.className = "button";
  a.textContent = document.body.dataset.msgLoginLink;
  return a;
}

// A new session (logged in again, or the session cookie was dropped) makes the
// page's form tokens stale: fetch one and put it everywhere the page sends it.
function renewToken() {
  return fetch("/csrf-token", { credentials: "same-origin", cache: "no-store" })
    .then(function (r) { if (!r.ok) throw new Error("token"); return r.json(); })
    .then(function (data) {
      document.querySelectorAll("input[name=csrf_token]").forEach(function (i) { i.value = data.token; });
      document.body.setAttribute("hx-headers", JSON.stringify({ "X-CSRFToken": data.token }));
    });
}

function sendAgain() {
  var req = lastRequest;
  if (!req || !document.body.contains(req.elt)) return;
  renewToken().then(function () {
    // A click on the same button, so htmx sends its name and value (e.g. go=next) too.
    if (req.button && document.body.contains(req.button)) req.button.click();
    else if (req.elt.tagName === "FORM") req.elt.requestSubmit();
    else htmx.trigger(req.elt, req.trigger || "click");
  }, function () { say(document.body.dataset.msgOffline, [retryButton()]); });
}

// A form's buttons wait while it is sent, so a second tap cannot send it twice.
// (Set here, not as an inherited hx-disabled-elt: links have no button to find.)
function submitButtons(elt) {
  return elt.tagName === "FORM" ? elt.querySelectorAll("button[type=submit]") : [];
}
document.addEventListener("htmx:beforeRequest", function (e) {
  submitButtons(e.detail.elt).forEach(function (b) { b.disabled = true; });
});
document.addEventListener("htmx:afterRequest", function (e) {
  submitButtons(e.detail.elt).forEach(function (b) { b.disabled = false; });
});

document.addEventListener("htmx:beforeRequest", function (e) {
  var trigger = e.detail.requestConfig && e.detail.requestConfig.triggeringEvent;
  var button = trigger && trigger.submitter;
  lastRequest = { elt: e.detail.elt, button: button && button.form ? button : null, trigger: trigger && trigger.type };
});

document.addEventListener("htmx:beforeSwap", function (e) {
  var xhr = e.detail.xhr;
  if (!e.detail.isError) return;
  if (xhr.getResponseHeader("X-CSRF-Expired") && !renewedOnce) {
    renewedOnce = true; // once: a second refusal is shown, not looped
    e.detail.shouldSwap = false;
    sendAgain();
    return;
  }
  if (xhr.getResponseHeader("X-Login-Required")) {
    e.detail.shouldSwap = false;
    say(document.body.dataset.msgLogin, [loginLink(), retryButton()]);
    return;
  }
  if (xhr.status >= 500 || !xhr.getResponseHeader("HX-Retarget")) {
    e.detail.shouldSwap = false; // a server or proxy failure: keep the form, offer to send again
    say(document.body.dataset.msgFailed, [retryButton()]);
    return;
  }
  e.detail.shouldSwap = true; // our own Thai message (403, 404, 413 ...) into the flash area
});

function notSent() { say(document.body.dataset.msgOffline, [retryButton()]); }
document.addEventListener("htmx:sendError", notSent);
// On a weak signal a request can hang: after 20 s give the officer the form back.
document.addEventListener("htmx:timeout", notSent);
// Once a request gets through again, a failure message is stale.
document.addEventListener("htmx:afterRequest", function (e) {
  if (!e.detail.successful) return;
  renewedOnce = false;
  document.querySelectorAll("#flash .failed").forEach(function (p) { p.remove(); });
});

// Questions that apply to one answer only (data-show-if="field=value", the field a
// radio group or a select): shown as that answer is picked, hidden otherwise; the
// server ignores and clears them too.
document.addEventListener("change", function (e) {
  var form = e.target.form;
  if (!form) return;
  form.querySelectorAll("[data-show-if]").forEach(function (box) {
    var rule = box.dataset.showIf.split("=");
    var picked = form.querySelector("input[name='" + rule[0] + "']:checked, select[name='" + rule[0] + "']");
    box.hidden = !(picked && picked.value === rule[1]);
  });
});

// Print buttons (no inline handlers: the Content-Security-Policy allows none).
document.addEventListener("click", function (e) {
  if (e.target.closest("[data-print]")) window.print();
});

// --- Date boxes (sammachip/date_field.py) ---------------------------------
// "วันนี้" fills the box next to it with today's date in พ.ศ., as the server's
// clock (Bangkok) gave it when the page was drawn. One listener on the document
// also serves boxes that htmx swaps in later.
document.addEventListener("click", function (e) {
  var button = e.target.closest ? e.target.closest(".date-box button.today") : null;
  if (!button) return;
  var box = document.getElementById(button.getAttribute("aria-controls"));
  if (!box) return;
  box.value = button.dataset.today;
  box.dispatchEvent(new Event("input", { bubbles: true }));
  box.dispatchEvent(new Event("change", { bubbles: true }));
});

// A link to a folded section (#outcomes from the dashboard) opens it.
function openTarget() {
  var target = location.hash && document.getElementById(location.hash.slice(1));
  if (target && target.tagName === "DETAILS") target.open = true;
}
window.addEventListener("hashchange", openTarget);
document.addEventListener("DOMContentLoaded", openTarget);
document.addEventListener("htmx:afterSettle", openTarget);
// --- Offline (static/sw.js, static/offline.js, README "Offline") ----------------------
// Pages kept on the phone belong to one officer: logging out, or another user
// logging in on the same phone, removes them, the worker and typed drafts.
// Records not yet sent (static/queue.js) are the exception: the pages go, the records
// (and their key) stay, shown only to the officer who typed them.
function forgetPhone() {
  // ("sammachip.user" stays until it is done: a page left meanwhile forgets on the next one.)
  Object.keys(localStorage).forEach(function (k) {
    if (k.indexOf("sammachip.") === 0 && k !== "sammachip.user") localStorage.removeItem(k);
  });
  if (!window.indexedDB) return Promise.resolve();
  return new Promise(function (ok) {
    var r = indexedDB.open("sammachip-offline");
    r.onsuccess = function () {
      var db = r.result, has = db.objectStoreNames.contains("records");
      if (!has) { db.close(); return ok(0); }
      var t = db.transaction(["records", "pages"], "readwrite"), count = t.objectStore("records").count();
      t.objectStore("pages").clear();
      t.oncomplete = function () { db.close(); ok(count.result); };
      t.onerror = t.onabort = function () { db.close(); ok(1); };
    };
    r.onerror = function () { ok(0); };
  }).then(function (unsent) {
    if (unsent) return;
    indexedDB.deleteDatabase("sammachip-offline");
    // Done only when the worker and its caches are gone: a download started meanwhile waits
    // (offline.js), or this would delete the new worker's files as they arrive.
    return Promise.all([navigator.serviceWorker && navigator.serviceWorker.getRegistrations().then(function (rs) {
      return Promise.all(rs.map(function (r) { return r.unregister(); }));
    }), window.caches && caches.keys().then(function (ks) { return Promise.all(ks.map(function (k) { return caches.delete(k); })); })]);
  });
}
window.phoneForgotten = Promise.resolve();
function currentUser() {
  var top = document.querySelector("header.top");
  return (top && top.dataset.user) || "";
}
function checkUser() {
  var who = currentUser(), was = localStorage.getItem("sammachip.user");
  if (who && was && was !== who) window.phoneForgotten = forgetPhone().then(function () { localStorage.setItem("sammachip.user", who); });
  else if (who) localStorage.setItem("sammachip.user", who);
}
checkUser();
document.addEventListener("htmx:load", checkUser);
document.addEventListener("submit", function (e) {
  var form = e.target;
  if (!form.matches("form[action='/logout']") || form.dataset.cleared) return;
  if (!navigator.serviceWorker || !navigator.serviceWorker.controller) { forgetPhone(); return; } // nothing queued here
  e.preventDefault(); // records waiting: send or confirm first (queue.js); then the pages go
  e.stopPropagation(); // (and not htmx's boosted post as well: one logout, by form.submit())
  function done() { forgetPhone().then(function () { form.dataset.cleared = "1"; form.submit(); }); }
  if (window.sammachipQueue) window.sammachipQueue.beforeLogout(form, done);
  else done();
}, true);

// The queue: loaded after the page is usable, on a phone that took pages to the field.
function loadQueue() {
  if (window.sammachipQueue || !window.indexedDB || !navigator.serviceWorker || !navigator.serviceWorker.controller) return;
  var s = document.createElement("script");
  s.src = document.body.dataset.queueScript;
  document.head.appendChild(s);
}
window.addEventListener("load", function () { setTimeout(loadQueue, 0); });

// A record made without a signal (static/sw.js): its step page carries the answers kept
// on the phone (and the server's messages when it was refused); the phone checks only
// required fields and the ID's check digit before the next step.
window.thaiIdOk = function (value) {
  var d = String(value || "").replace(/[๐-๙]/g, function (c) { return String(c.charCodeAt(0) - 0x0E50); }).replace(/\D/g, "");
  if (d.length !== 13) return false;
  var sum = 0;
  for (var i = 0; i < 12; i++) sum += Number(d[i]) * (13 - i);
  return (11 - sum % 11) % 10 === Number(d[12]);
};
function offlineAnswers() {
  var box = document.getElementById("offline-answers");
  return box ? JSON.parse(box.textContent) : null;
}
function markError(el, text) {
  var p = document.createElement("p");
  p.className = "error offline-error";
  p.textContent = text;
  (el.closest(".field, fieldset") || el).appendChild(p);
}
function fillOffline() {
  var kept = offlineAnswers(), form = document.querySelector("#wizard form[hx-post]");
  if (!kept || !form) return;
  fillForm(form, kept.answers);
  Object.keys(kept.problems || {}).forEach(function (name) {
    var el = form.querySelector("[name='" + name + "']");
    if (el) markError(el, kept.problems[name]);
  });
  if (kept.message) say(kept.message);
}
document.addEventListener("DOMContentLoaded", fillOffline);
document.addEventListener("htmx:beforeRequest", function (e) {
  var form = e.detail.elt, trigger = e.detail.requestConfig && e.detail.requestConfig.triggeringEvent;
  var onPhone = offlineAnswers() || document.querySelector(".offline-banner"); // a step served by the worker
  if (!onPhone || form.tagName !== "FORM" || (trigger && trigger.submitter && trigger.submitter.value === "back")) return;
  form.querySelectorAll(".offline-error").forEach(function (p) { p.remove(); });
  var bad = [];
  form.querySelectorAll("[required]").forEach(function (el) {
    var empty = el.type === "radio" ? !form.querySelector("[name='" + el.name + "']:checked") : !el.value.trim();
    if (empty && !bad.some(function (b) { return b.name === el.name; })) bad.push({ name: el.name, el: el, text: document.body.dataset.msgRequired });
  });
  var id = form.querySelector("[name=national_id]");
  if (id && id.value.trim() && !window.thaiIdOk(id.value)) bad.push({ name: id.name, el: id, text: document.body.dataset.msgIdDigit });
  if (!bad.length) return;
  e.preventDefault(); // not sent: its buttons work again
  submitButtons(form).forEach(function (b) { b.disabled = false; });
  bad.forEach(function (b) { markError(b.el, b.text); });
});

window.offlineSaid = function (box, r) {
  var at = new Date(r.at + 7 * 3600 * 1000).toISOString().slice(11, 16); // Bangkok time
  var text = box.dataset.msgAt.replace("{time}", at).replace("{count}", r.count).replace("{kb}", Math.round(r.bytes / 1024));
  return r.capped ? text + " · " + box.dataset.msgCapped : text;
};
function showDownload() {
  var box = document.querySelector("[data-offline-download]");
  if (!box || !("serviceWorker" in navigator) || !window.crypto || !crypto.subtle) return;
  var last = JSON.parse(localStorage.getItem("sammachip.offline.at") || "null");
  box.querySelector("[data-offline-at]").textContent = last ? window.offlineSaid(box, last) : box.dataset.msgNever;
  box.hidden = false;
}
document.addEventListener("DOMContentLoaded", showDownload);
document.addEventListener("htmx:load", showDownload);
document.addEventListener("click", function (e) {
  var b = e.target.closest ? e.target.closest("[data-offline-button]") : null;
  if (!b) return;
  if (window.offlineDownload) { window.offlineDownload(b); return; }
  var s = document.createElement("script"); // loaded on the first tap only
  s.src = b.dataset.script;
  s.onload = function () { window.offlineDownload(b); };
  document.head.appendChild(s);
});

// --- Typed fields kept on the phone (every wizard step, online too) ------------------
// What the officer types in a step is kept in this browser as typed, per user and
// per step URL, and put back after a reload or a closed tab; the server's answer to
// the step's post (it saves the step) clears it. Only for the same record version.
var NOT_TYPED = ["csrf_token", "version", "then", "token", "submit_token", "go"];
function stepForms(root) {
  return (root && root.querySelectorAll ? root : document).querySelectorAll("#wizard form[hx-post]");
}
function typedKey(form) {
  var who = currentUser();
  return who ? "sammachip.typed." + who + ":" + form.getAttribute("action") : null;
}
function formVersion(form) { return form.elements.version ? form.elements.version.value : ""; }
document.addEventListener("input", keepTyped);
document.addEventListener("change", keepTyped);
function keepTyped(e) {
  var form = e.target.form, key = form && form.matches("#wizard form[hx-post]") && typedKey(form);
  if (!key) return;
  var fields = {};
  Array.prototype.forEach.call(form.elements, function (el) {
    if (!el.name || NOT_TYPED.indexOf(el.name) >= 0 || ["hidden", "file", "password", "submit", "button"].indexOf(el.type) >= 0) return;
    var values = fields[el.name] || (fields[el.name] = []);
    if (el.type === "radio" || el.type === "checkbox") { if (el.checked) values.push(el.value); }
    else if (el.type === "select-multiple") Array.prototype.forEach.call(el.selectedOptions, function (o) { values.push(o.value); });
    else values.push(el.value);
  });
  try { localStorage.setItem(key, JSON.stringify({ version: formVersion(form), fields: fields })); } catch (err) { /* storage full: the server copy stays */ }
}
function restoreTyped(root) {
  stepForms(root).forEach(function (form) {
    var key = typedKey(form), kept = key && JSON.parse(localStorage.getItem(key) || "null");
    if (!kept || kept.version !== formVersion(form)) return;
    fillForm(form, kept.fields);
  });
}
function fillForm(form, fields) {
  Object.keys(fields).forEach(function (name) {
    var values = [].concat(fields[name]);
    form.querySelectorAll("[name='" + name + "']").forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") el.checked = values.indexOf(el.value) >= 0;
      else if (el.type === "select-multiple") Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) >= 0; });
      else el.value = values[0] || "";
    });
  });
  var any = form.querySelector("input, select, textarea");
  if (any) any.dispatchEvent(new Event("change", { bubbles: true })); // skip logic follows the answers
}
document.addEventListener("DOMContentLoaded", function () { restoreTyped(document); });
document.addEventListener("htmx:load", function (e) { if (e.detail.elt !== document.body) restoreTyped(e.detail.elt); });
document.addEventListener("htmx:afterRequest", function (e) {
  var who = currentUser(), cfg = e.detail.requestConfig, xhr = e.detail.xhr;
  if (who && cfg && cfg.verb === "post" && xhr && xhr.status === 200) {
    // The server has the step now (a saved step, or the same step with its errors).
    localStorage.removeItem("sammachip.typed." + who + ":" + e.detail.pathInfo.requestPath.split("?")[0]);
  }
});
