// Sammachip's service worker (README "Offline"), served as /sw.js: the server puts
// PRECACHE (this release's hashed static files) and VERSION above this line.
//
// - Static files: precached at install, one cache per release; the old release's
//   cache goes when the new worker takes over, so pages never mix two releases.
// - Pages: always from the network while there is one (the app works online exactly
//   as without a worker). Only the pages the officer downloaded ("ดาวน์โหลดสำหรับ
//   ออฟไลน์") are kept, encrypted (AES-GCM, a key that cannot leave the browser,
//   kept in IndexedDB), and shown when the network fails, with a banner saying when
//   they were fetched. Any other page then answers the small Thai offline page.
// - Whose pages: app.js wipes them (and this worker) at logout and when another
//   user logs in on the phone.
/* global PRECACHE, VERSION */
var STATIC = "sammachip-static-" + VERSION;
var DB = "sammachip-offline";
var OFFLINE_PAGE = "/offline";
var MAX_BYTES = 8 * 1024 * 1024; // the pages of one day in the field, at most

self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(STATIC).then(function (c) { return c.addAll(PRECACHE.concat([OFFLINE_PAGE])); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("sammachip-static-") === 0 && k !== STATIC; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// --- IndexedDB: one key, the pages -------------------------------------------------
function openDb() {
  return new Promise(function (ok, fail) {
    var r = indexedDB.open(DB, 2);
    r.onupgradeneeded = function (e) {
      if (e.oldVersion < 1) {
        r.result.createObjectStore("keys");
        r.result.createObjectStore("pages", { keyPath: "url" });
      }
      if (e.oldVersion < 2) r.result.createObjectStore("records", { keyPath: "key" }); // the send queue
    };
    r.onsuccess = function () { ok(r.result); };
    r.onerror = function () { fail(r.error); };
  });
}

function inStore(store, mode, work) {
  return openDb().then(function (db) {
    return new Promise(function (ok, fail) {
      var t = db.transaction(store, mode);
      var req = work(t.objectStore(store));
      t.oncomplete = function () { db.close(); ok(req && req.result); };
      t.onerror = t.onabort = function () { db.close(); fail(t.error); };
    });
  });
}

function pageKey() {
  return inStore("keys", "readonly", function (s) { return s.get("pages"); }).then(function (key) {
    if (key) return key;
    return crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"])
      .then(function (k) { return inStore("keys", "readwrite", function (s) { return s.put(k, "pages"); }).then(function () { return k; }); });
  });
}

// --- Download: fetch each page online, keep it encrypted ------------------------------
// One page fetched now and sealed with the phone's key: its stored record, or null.
function sealed(url, key, list, at) {
  return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
    if (!r.ok || new URL(r.url).pathname === "/login") return null;
    var headers = { "Content-Type": r.headers.get("Content-Type") || "text/html; charset=utf-8",
                    "Content-Security-Policy": r.headers.get("Content-Security-Policy") || "" };
    return r.arrayBuffer().then(function (body) {
      var iv = crypto.getRandomValues(new Uint8Array(12));
      return crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, key, body).then(function (data) {
        return { url: url, user: list.user, at: at, keep: list.keepDays, iv: iv, data: data, headers: headers,
                 bytes: body.byteLength };
      });
    });
  }).catch(function () { return null; }); // a page that failed is simply not on the phone
}

function download(list) {
  var at = Date.now(), bytes = 0, kept = [], capped = false;
  return pageKey().then(function (key) {
    return list.urls.reduce(function (chain, url) {
      return chain.then(function () {
        if (capped) return;
        return sealed(url, key, list, at).then(function (page) {
          if (!page) return;
          if (bytes + page.bytes > MAX_BYTES) { capped = true; return; }
          bytes += page.bytes;
          kept.push(page);
        });
      });
    }, Promise.resolve());
  }).then(function () {
    if (!kept.length) return { count: 0, bytes: 0, at: at, capped: capped, keepDays: list.keepDays };
    return inStore("keys", "readwrite", function (s) { return s.put(list.user, "user"); }).then(function () {
      return inStore("pages", "readwrite", function (s) {
      s.clear(); // the day's pages replace yesterday's, in one transaction
      kept.forEach(function (p) { s.put(p); });
      });
    }).then(function () { return { count: kept.length, bytes: bytes, at: at, capped: capped, keepDays: list.keepDays }; });
  });
}

// Pages on the phone whose records were just sent (a training day's taps): fetched again now, so
// offline they show what was sent, not the state at download. The copy keeps its download's user,
// time and days (expiry counts from the download; the banner says when it was fetched), and
// replaces only that same download's copy: not one a logout wiped or a new download replaced.
function refresh(paths) {
  return Promise.all(paths.map(function (path) {
    return inStore("pages", "readonly", function (s) { return s.get(path); }).then(function (old) {
      if (!old) return; // (a wiped phone: no key is made anew for nothing)
      return pageKey().then(function (key) {
        return sealed(path, key, { user: old.user, keepDays: old.keep }, old.at).then(function (page) {
          if (!page) return;
          page.fetched = Date.now();
          return inStore("pages", "readwrite", function (s) {
            var now = s.get(path);
            now.onsuccess = function () { if (now.result && now.result.at === old.at) s.put(page); };
          });
        });
      });
    });
  }));
}

self.addEventListener("message", function (e) {
  var port = e.ports && e.ports[0];
  if (e.data && e.data.type === "refresh" && Array.isArray(e.data.paths)) {
    e.waitUntil(refresh(e.data.paths).catch(function () {}).then(function () { if (port) port.postMessage({}); }));
    return;
  }
  if (!e.data || e.data.type !== "download" || !port) return;
  e.waitUntil(download(e.data).then(function (result) { port.postMessage(result); },
    function (err) { port.postMessage({ error: String(err) }); }));
});

// --- Offline: a downloaded page, with its banner, or the offline page ----------------
function bangkokTime(ms) {
  return new Date(ms + 7 * 3600 * 1000).toISOString().slice(11, 16); // Asia/Bangkok: UTC+7, no DST
}

function withBanner(html, at) {
  var said = /data-msg-offline-at="([^"]*)"/.exec(html);
  var banner = '<p class="flash flash-info offline-banner" role="status">' +
    (said ? said[1] : "ออฟไลน์ · ข้อมูล ณ") + " " + bangkokTime(at) + "</p>";
  return html.replace('<div id="flash" aria-live="polite">', '<div id="flash" aria-live="polite">' + banner);
}

// A downloaded page's HTML, or a rejection when it is not on the phone (or expired:
// queue.js removes expired pages and warns first; this is the guard when it has not run).
function decrypted(path) {
  return inStore("pages", "readonly", function (s) { return s.get(path); }).then(function (page) {
    if (!page || (page.keep && Date.now() - page.at > page.keep * 864e5)) throw new Error("not downloaded");
    return pageKey().then(function (key) {
      return crypto.subtle.decrypt({ name: "AES-GCM", iv: page.iv }, key, page.data);
    }).then(function (plain) { return { page: page, html: new TextDecoder().decode(plain) }; });
  });
}

function fromPhone(url) {
  return decrypted(url.pathname + url.search).then(function (got) {
    var page = got.page, at = page.fetched || page.at;
    var headers = { "Content-Type": page.headers["Content-Type"], "X-Offline-Copy": String(at) };
    if (page.headers["Content-Security-Policy"]) headers["Content-Security-Policy"] = page.headers["Content-Security-Policy"];
    return withTaps(url.pathname, got.html).then(function (html) {
      return new Response(withBanner(html, at), { headers: headers });
    });
  }).catch(function () {
    return caches.match(OFFLINE_PAGE).then(function (hit) {
      return hit || new Response("ออฟไลน์", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
    });
  });
}

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (recording(e, req, url)) return;
  if (req.method !== "GET") return;
  if (url.pathname.indexOf("/static/") === 0) {
    e.respondWith(caches.match(req).then(function (hit) { return hit || fetch(req); }));
    return;
  }
  // Whole pages only: a browser navigation or an htmx boosted link. Fragments and
  // posts fail as without a worker, and app.js says so and keeps the form.
  if (req.mode !== "navigate" && req.headers.get("HX-Boosted") !== "true") return;
  e.respondWith(fetch(req).catch(function () { return fromPhone(url); }));
});

// --- Recording without a signal (README "Offline") --------------------------------------
// The wizards' own URLs. Interview: the consent posted with no network starts a record
// on the phone under a fresh key (crypto.randomUUID()); each step posted to
// /interviews/<key>/<n> of a record on the phone is kept there. Follow-up checklist: a
// step of /followups/<id>/<n> posted with no network starts the visit's record (its key
// made likewise), and from then on its steps are kept on the phone. Each step is kept
// encrypted like the pages and answered with the next step's downloaded page, the
// answers put in for app.js to fill in. After the last step the record waits in the
// queue (static/queue.js sends it). An attendance tap posted with no network is queued
// at once with its tap time (a later tap of the same household replaces it) and
// answered with its row as tapped. A server draft's steps go to the network as before.
var PLACEHOLDER = "00000000-0000-4000-8000-000000000000";
var KINDS = {
  interview: { first: 2, last: 5, page: function (r, n) { return "/villages/" + r.village + "/households/new/" + n; },
               step: function (r, n) { return "/interviews/" + r.key + "/" + n; },
               done: function (r) { return "/villages/" + r.village; } },
  checklist: { first: 1, last: 5, page: function (r, n) { return "/followups/" + r.followup + "/" + n; },
               step: function (r, n) { return "/followups/" + r.followup + "/" + n; },
               done: function () { return "/visits"; } }
};
var NOT_ANSWERS = ["csrf_token", "go", "then", "version", "token"];

function seal(obj) {
  return pageKey().then(function (key) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, key, new TextEncoder().encode(JSON.stringify(obj)))
      .then(function (data) { return { iv: iv, data: data }; });
  });
}
function unseal(box) {
  return pageKey().then(function (key) { return crypto.subtle.decrypt({ name: "AES-GCM", iv: box.iv }, key, box.data); })
    .then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); });
}
function getRecord(key) { return inStore("records", "readonly", function (s) { return s.get(key); }); }
function putRecord(rec, secret) {
  return seal(secret).then(function (box) {
    rec.secret = box;
    return inStore("records", "readwrite", function (s) { s.put(rec); });
  });
}
// This user's records matching `like` (the phone's user: the one who downloaded).
function recordsLike(like) {
  return Promise.all([inStore("keys", "readonly", function (s) { return s.get("user"); }),
                      inStore("records", "readonly", function (s) { return s.getAll(); })]).then(function (both) {
    return (both[1] || []).filter(function (r) {
      return r.user === String(both[0]) && Object.keys(like).every(function (k) { return r[k] === like[k]; });
    });
  });
}
function newRecord(fields, secret) {
  return inStore("keys", "readonly", function (s) { return s.get("user"); }).then(function (user) {
    var rec = { key: crypto.randomUUID(), user: String(user), state: "typing", at: Date.now(), message: "" };
    Object.keys(fields).forEach(function (k) { rec[k] = fields[k]; });
    return putRecord(rec, secret).then(function () { return rec; });
  });
}
function goTo(path) { return new Response("", { status: 200, headers: { "HX-Redirect": path, "Content-Type": "text/plain" } }); }
function answersOf(form) {
  var answers = {};
  form.forEach(function (value, name) {
    if (NOT_ANSWERS.indexOf(name) >= 0 || typeof value !== "string") return;
    if (name in answers) answers[name] = [].concat(answers[name], value);
    else answers[name] = value;
  });
  return answers;
}
function unescaped(text) {
  return text.replace(/&#39;/g, "'").replace(/&#34;|&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
// Whose record it is, for the queue's list: the crumb of a checklist step ("← name").
function crumbName(html) {
  var m = /<p class="crumbs"><a [^>]*>← ([^<]*)<\/a>/.exec(html);
  return m ? unescaped(m[1].trim()) : "";
}

function startRecord(req, villageId) {
  return req.formData().then(function (form) {
    if (form.get("consent") !== "yes") return goTo("/villages/" + villageId);
    return newRecord({ kind: "interview", village: villageId },
                     { consent: "yes", consented_at: new Date().toISOString(), answers: {} })
      .then(function (rec) { return goTo("/interviews/" + rec.key + "/2"); });
  });
}

function startChecklist(req, followupId, step) {
  return decrypted("/followups/" + followupId + "/1").then(function (got) { return crumbName(got.html); }, function () { return ""; })
    .then(function (name) { return newRecord({ kind: "checklist", followup: followupId }, { label: name, answers: {} }); })
    .then(function (rec) { return keepStep(req, rec, step); });
}

function keepStep(req, rec, step) {
  var kind = KINDS[rec.kind];
  return Promise.all([req.formData(), unseal(rec.secret)]).then(function (both) {
    var form = both[0], secret = both[1], typed = answersOf(form);
    Object.keys(typed).forEach(function (k) { secret.answers[k] = typed[k]; });
    var next = form.get("go") === "back" ? Math.max(kind.first, step - 1) : step + 1;
    if (next > kind.last) { rec.state = "waiting"; rec.message = ""; rec.problems = {}; }
    return putRecord(rec, secret).then(function () { return goTo(next > kind.last ? kind.done(rec) : kind.step(rec, next)); });
  });
}

function recordPage(rec, step) {
  var blank = new URL(KINDS[rec.kind].page(rec, step), self.location.origin);
  return Promise.all([fromPhone(blank), unseal(rec.secret)]).then(function (both) {
    return both[0].text().then(function (html) {
      var data = JSON.stringify({ answers: both[1].answers, problems: rec.problems || {}, message: rec.message || "" })
        .replace(/</g, "\\u003c");
      html = html.split(PLACEHOLDER).join(rec.key).replace("</body>",
        '<script type="application/json" id="offline-answers">' + data + "</script></body>");
      return new Response(html, { headers: both[0].headers });
    });
  });
}

// --- Attendance taps: the row as tapped, from the day's downloaded page ---------------------
function rowOf(html, householdId) {
  var m = new RegExp('<li id="hh-' + householdId + '">[\\s\\S]*?</li>').exec(html);
  return m ? m[0] : null;
}
// The row's state words ("มา ✓" / "ขาด"), as the day's page says them.
function stateWord(html, present) {
  var said = /data-msg-on="([^"]*)" data-msg-off="([^"]*)"/.exec(html) || [0, "✓", "✗"];
  return present ? said[1] : said[2];
}
function tapped(row, present, html) {
  return row.replace(/name="present" value="[01]"/, 'name="present" value="' + (present ? "0" : "1") + '"')
    .replace(/class="toggle( on)?"/, 'class="toggle' + (present ? " on" : "") + '"')
    .replace(/aria-pressed="(true|false)"/, 'aria-pressed="' + present + '"')
    .replace(/<span class="state">[^<]*<\/span>/, '<span class="state">' + stateWord(html, present) + "</span>");
}
// The day's "มาแล้ว n/m" as its rows now say (online, the server's answer to a tap carries it).
function dayCount(html) {
  var rows = html.match(/<li id="hh-\d+">[\s\S]*?<\/li>/g) || [];
  return rows.filter(function (r) { return /class="toggle on"/.test(r); }).length + "/" + rows.length;
}
// The day's page offline shows the taps waiting on the phone, and counts them.
function withTaps(path, html) {
  var day = /^\/training-days\/(\d+)$/.exec(path);
  if (!day) return Promise.resolve(html);
  return recordsLike({ kind: "attendance", day: day[1] }).then(function (taps) {
    return Promise.all(taps.map(function (t) { return unseal(t.secret).then(function (s) { return { t: t, s: s }; }); }));
  }).then(function (taps) {
    taps.forEach(function (x) {
      var row = rowOf(html, x.t.household);
      if (row) html = html.replace(row, tapped(row, x.s.answers.present === "1", html));
    });
    return html.replace(/<span id="day-count">[^<]*<\/span>/, '<span id="day-count">' + dayCount(html) + "</span>");
  }).catch(function () { return html; });
}
function keepTap(req, dayId, householdId) {
  return Promise.all([req.formData(), decrypted("/training-days/" + dayId)]).then(function (both) {
    var present = both[0].get("present") === "1", html = both[1].html, row = rowOf(html, householdId);
    if (!row) throw new Error("not on the day's page");
    var name = /<span class="who">([^<]*)/.exec(row);
    return recordsLike({ kind: "attendance", day: dayId, household: householdId }).then(function (earlier) {
      // The latest tap is the one that counts: an earlier one not yet sent is replaced.
      return inStore("records", "readwrite", function (s) { earlier.forEach(function (r) { s.delete(r.key); }); });
    }).then(function () {
      return newRecord({ kind: "attendance", day: dayId, household: householdId, state: "waiting" },
        // The queue list names the household and which way the tap went.
        { label: [name ? unescaped(name[1].trim()) : "", unescaped(stateWord(html, present))].filter(Boolean).join(" · "),
          answers: { present: present ? "1" : "0", tapped_at: new Date().toISOString() } });
    }).then(function () { return withTaps("/training-days/" + dayId, html); }).then(function (day) {
      var count = '<span id="day-count" hx-swap-oob="true">' + dayCount(day) + "</span>";
      return new Response(tapped(row, present, html) + count,
        { headers: { "Content-Type": "text/html; charset=utf-8", "X-Queued": "1" } });
    });
  }).catch(function () { return Response.error(); }); // not downloaded: app.js says it was not sent
}

function isPage(req) { return req.mode === "navigate" || req.headers.get("HX-Boosted") === "true"; }

function recording(e, req, url) {
  var consent = /^\/villages\/(\d+)\/households\/new$/.exec(url.pathname);
  var step = /^\/interviews\/([0-9a-f-]{36})\/(\d+)$/.exec(url.pathname);
  var visit = /^\/followups\/(\d+)\/(\d+)$/.exec(url.pathname);
  var tap = /^\/training-days\/(\d+)\/attendance\/(\d+)$/.exec(url.pathname);
  var copy = req.method === "POST" && (consent || tap || visit) ? req.clone() : null;
  if (req.method === "POST" && (consent || tap)) {
    e.respondWith(fetch(req).catch(function () { return consent ? startRecord(copy, consent[1]) : keepTap(copy, tap[1], tap[2]); }));
    return true;
  }
  if (req.method !== "POST" && !isPage(req)) return false;
  if (step) {
    e.respondWith(getRecord(step[1]).catch(function () { return null; }).then(function (rec) {
      if (!rec) return fetch(req); // a server draft: the network, as without a worker
      return req.method === "POST" ? keepStep(req, rec, Number(step[2])) : recordPage(rec, Number(step[2]));
    }));
    return true;
  }
  if (!visit || Number(visit[2]) > KINDS.checklist.last) return false;
  e.respondWith(recordsLike({ kind: "checklist", followup: visit[1] }).catch(function () { return []; }).then(function (recs) {
    var n = Number(visit[2]);
    if (recs.length) return req.method === "POST" ? keepStep(req, recs[0], n) : recordPage(recs[0], n);
    if (req.method !== "POST") return fetch(req).catch(function () { return fromPhone(url); });
    return fetch(req).catch(function () { return startChecklist(copy, visit[1], n); });
  }));
  return true;
}
