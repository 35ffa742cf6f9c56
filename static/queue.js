// The send queue (README "Offline"), loaded by app.js after the page is usable, only on
// a phone that downloaded pages (a service worker in control) or records: records made
// without a signal (static/sw.js) wait in IndexedDB, encrypted; each is sent whole, with
// its key, in a live session of the officer who typed it, when the app opens, when the
// browser says it is online, and on "ส่งเลย". A refused one stays as "ต้องแก้ไข" with the
// server's message until fixed or discarded. Nothing unsent is deleted without the
// officer's confirmation.
(function () {
  var DB = "sammachip-offline", said = document.body.dataset;
  function top() { return document.querySelector("header.top"); } // (a boosted page brings a new one)
  // Each kind's batch route (sammachip/batch.py), its form version (batch.FORM_VERSION), and
  // where a refused one is fixed (attendance: tap again on the day's page, or discard).
  var URLS = { interview: function (r) { return "/villages/" + r.village + "/households/batch"; },
               checklist: function (r) { return "/followups/" + r.followup + "/batch"; },
               attendance: function (r) { return "/training-days/" + r.day + "/attendance/" + r.household + "/batch"; } };
  var VERSION = { interview: 2, checklist: 2, attendance: 1 };
  var FIX = { interview: function (r) { return "/interviews/" + r.key + "/2"; },
              checklist: function (r) { return "/followups/" + r.followup + "/1"; } };
  var DAY = 864e5, WARN_DAYS = 2;

  function openDb() {
    return new Promise(function (ok, fail) {
      var r = indexedDB.open(DB, 2);
      r.onupgradeneeded = function (e) {
        if (e.oldVersion < 1) { r.result.createObjectStore("keys"); r.result.createObjectStore("pages", { keyPath: "url" }); }
        if (e.oldVersion < 2) r.result.createObjectStore("records", { keyPath: "key" });
      };
      r.onsuccess = function () { ok(r.result); };
      r.onerror = function () { fail(r.error); };
    });
  }
  function inStore(store, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (ok, fail) {
        var t = db.transaction(store, mode), req = work(t.objectStore(store));
        t.oncomplete = function () { db.close(); ok(req && req.result); };
        t.onerror = t.onabort = function () { db.close(); fail(t.error); };
      });
    });
  }
  function all() { return inStore("records", "readonly", function (s) { return s.getAll(); }).then(function (r) { return r || []; }); }
  function who() { return (top() && top().dataset.user) || ""; }
  function mine(records) { return records.filter(function (r) { return r.user === who() && r.state !== "typing"; }); }
  function unseal(box) {
    return inStore("keys", "readonly", function (s) { return s.get("pages"); }).then(function (key) {
      return crypto.subtle.decrypt({ name: "AES-GCM", iv: box.iv }, key, box.data);
    }).then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
  }
  function token() {
    return fetch("/csrf-token", { credentials: "same-origin", cache: "no-store" }).then(function (r) { return r.json(); })
      .then(function (d) { return d.token; });
  }

  // One record: 2xx saved (forgotten on the phone); a Thai refusal kept with its message;
  // anything else (no network, a server failure, the session gone) waits for the next send.
  function sendOne(rec, csrf) {
    return unseal(rec.secret).then(function (secret) {
      var body = { key: rec.key, form_version: VERSION[rec.kind], answers: secret.answers };
      if (rec.kind === "interview") { body.consent = secret.consent; body.consented_at = secret.consented_at; }
      return fetch(URLS[rec.kind](rec), { method: "POST", credentials: "same-origin", cache: "no-store",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "HX-Request": "true" },
        body: JSON.stringify(body) });
    }).then(function (r) {
      if (r.ok) return inStore("records", "readwrite", function (s) { s.delete(rec.key); }).then(function () { return true; });
      if (r.headers.get("X-Login-Required")) throw new Error("login");
      if ([400, 404, 409, 422].indexOf(r.status) < 0 || r.headers.get("X-CSRF-Expired")) return;
      return r.json().catch(function () { return { message: said.msgFailed, problems: {} }; }).then(function (answer) {
        rec.state = "refused";
        rec.message = answer.message || said.msgFailed;
        rec.problems = {};
        Object.keys(answer.problems || {}).forEach(function (step) {
          Object.keys(answer.problems[step]).forEach(function (f) { rec.problems[f] = answer.problems[step][f].join(" "); });
        });
        var details = Object.keys(rec.problems).map(function (f) { return rec.problems[f]; });
        if (details.length) rec.message += ": " + details.join(" ");
        return inStore("records", "readwrite", function (s) { s.put(rec); });
      });
    });
  }

  // The worker fetches again the downloaded pages whose records were sent (sw.js "refresh"),
  // so offline they show what was sent; waited for, so the list is shown after it.
  function refreshPages(paths) {
    var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (!paths.length || !worker) return Promise.resolve();
    return new Promise(function (done) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { done(); };
      worker.postMessage({ type: "refresh", paths: paths }, [channel.port2]);
      setTimeout(done, 10000); // never hold the queue long for a slow page (or a worker without `refresh`)
    });
  }

  function refreshAfter(leaving, days) { return leaving === true ? Promise.resolve() : refreshPages(Object.keys(days)); }

  var sending = null;
  // `leaving` (a logout): the phone's pages are wiped next, so none is fetched again.
  function sendAll(leaving) {
    if (!who()) return show(); // no live session: "เข้าสู่ระบบเพื่อส่ง 3 รายการ", and the queue waits
    sending = sending || all().then(function (records) {
      var waiting = mine(records).filter(function (r) { return r.state === "waiting"; });
      if (!waiting.length) return;
      var days = {};
      return token().then(function (csrf) {
        return waiting.reduce(function (chain, rec) {
          return chain.then(function () { return sendOne(rec, csrf); }).then(function (sent) {
            if (sent && rec.kind === "attendance") days["/training-days/" + rec.day] = true;
          });
        }, Promise.resolve());
      }).then(function () { return refreshAfter(leaving, days); }, function (err) {
        return refreshAfter(leaving, days).then(function () { throw err; }); // those sent before it failed
      });
    }).catch(function () {}).then(function () { sending = null; return show(); });
    return sending;
  }

  function button(text, act) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.addEventListener("click", act);
    return b;
  }
  function line(text, cls) {
    var p = document.createElement("p");
    p.textContent = text;
    if (cls) p.className = cls;
    return p;
  }

  // The badge on every page, opening the list of waiting and refused records.
  function show() {
    return all().then(function (records) {
      var box = document.getElementById("queue");
      var list = who() ? mine(records) : records.filter(function (r) { return r.state !== "typing"; });
      if (!list.length) { if (box) box.remove(); return list; }
      if (!box) {
        box = document.createElement("details");
        box.id = "queue";
        box.className = "queue";
        top().insertAdjacentElement("afterend", box);
      }
      var summary = document.createElement("summary");
      summary.className = "queue-badge";
      summary.textContent = (who() ? said.msgQueue : said.msgQueueLogin).replace("{n}", list.length);
      var parts = [summary];
      if (!who()) { box.replaceChildren(summary); return list; } // names only to the officer who typed them
      parts.push(button(said.msgSendNow, function () { sendAll(); }));
      var keep = (kept() || {}).keepDays || Number(localStorage.getItem("sammachip.offline.keep"));
      return Promise.all(list.map(function (r) { return unseal(r.secret).catch(function () { return { answers: {} }; }); }))
        .then(function (secrets) {
          list.forEach(function (r, i) {
            var item = document.createElement("div");
            item.className = "queue-item" + (r.state === "refused" ? " refused" : "");
            var days = Math.floor((Date.now() - r.at) / DAY);
            var kind = said["msgKind" + r.kind.charAt(0).toUpperCase() + r.kind.slice(1)] || "";
            item.appendChild(line(kind + ": " + (secrets[i].label || secrets[i].answers.head_name || "") + " · " +
              (r.state === "refused" ? said.msgFix : said.msgWaiting) +
              (keep && days >= keep - WARN_DAYS ? " · " + said.msgOld.replace("{n}", days) : "")));
            if (r.state === "refused") {
              item.appendChild(line(r.message, "error"));
              if (FIX[r.kind]) {
                var fix = document.createElement("a");
                fix.href = FIX[r.kind](r);
                fix.className = "button";
                fix.textContent = said.msgFixIt;
                item.appendChild(fix);
              }
              item.appendChild(button(said.msgDiscard, function () {
                inStore("records", "readwrite", function (s) { s.delete(r.key); }).then(show);
              }));
            }
            parts.push(item);
          });
          box.replaceChildren.apply(box, parts);
          return list;
        });
    });
  }

  // Logging out with records waiting: online, send them first; offline (or refused),
  // not without the second screen's "ลบ 3 รายการที่ยังไม่ได้ส่ง".
  function beforeLogout(form, done) {
    (navigator.onLine ? sendAll(true) : Promise.resolve()).then(all).then(function (records) {
      var left = records.filter(function (r) { return r.user === who(); }); // typing ones too
      if (!left.length) { done(); return; }
      var flash = document.getElementById("flash");
      var p = line(said.msgLogoutWaiting.replace("{n}", left.length), "flash flash-error");
      p.setAttribute("role", "alert");
      p.appendChild(button(said.msgDeleteUnsent.replace("{n}", left.length), function () {
        inStore("records", "readwrite", function (s) { left.forEach(function (r) { s.delete(r.key); }); }).then(done);
      }));
      flash.replaceChildren(p);
      window.scrollTo(0, 0);
    });
  }

  // Expiry (README "Offline"): the downloaded pages go after the setting's days
  // (OFFLINE_KEEP_DAYS), with a warning the days before; an unsent record is never
  // deleted by it (its line in the list says how old it is).
  function kept() { return JSON.parse(localStorage.getItem("sammachip.offline.at") || "null"); }
  function note(text) {
    var flash = document.getElementById("flash");
    if (!flash || flash.querySelector(".expiry")) return;
    var p = line(text, "flash flash-info expiry");
    p.setAttribute("role", "status");
    flash.appendChild(p);
  }
  function expire() {
    var last = kept();
    if (!last || !last.keepDays || !who()) return Promise.resolve();
    var left = Math.ceil(last.keepDays - (Date.now() - last.at) / DAY);
    if (left > WARN_DAYS) return Promise.resolve();
    if (left > 0) { note(said.msgExpiring.replace("{n}", left)); return Promise.resolve(); }
    return inStore("pages", "readwrite", function (s) { s.clear(); }).then(function () {
      localStorage.removeItem("sammachip.offline.at");
      localStorage.setItem("sammachip.offline.keep", String(last.keepDays)); // for the records' age
      note(said.msgExpired.replace("{n}", last.keepDays));
    });
  }

  window.sammachipQueue = { show: show, sendAll: sendAll, beforeLogout: beforeLogout, all: all };
  window.addEventListener("online", sendAll);
  // A tap kept on the phone (sw.js answers it with X-Queued): the badge counts it at once.
  document.addEventListener("htmx:afterRequest", function (e) { if (e.detail.xhr && e.detail.xhr.getResponseHeader("X-Queued")) show(); });
  function opened() { expire(); return navigator.onLine ? sendAll() : show(); }
  // A boosted link or form (the login too) swaps the whole body: a new page, maybe a new session.
  document.addEventListener("htmx:afterSettle", function (e) { if (e.detail.target === document.body) opened(); });
  opened();
})();
