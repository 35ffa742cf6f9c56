"""Helpers of the offline browser tests (their `proxy` and `open_phone` fixtures are in conftest.py)."""


def download(page, pages: int):
    page.goto("/visits")
    page.click("text=ดาวน์โหลดสำหรับออฟไลน์")
    page.wait_for_selector(f"text=/ดาวน์โหลดล่าสุด ณ \\d\\d:\\d\\d · {pages} หน้า/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


COPY_RECORDS = """([from, to]) => new Promise((ok, fail) => {
  const open = (name) => new Promise((done) => {
    const r = indexedDB.open(name);
    r.onupgradeneeded = () => {
      if (!r.result.objectStoreNames.contains("records")) r.result.createObjectStore("records", {keyPath: "key"});
    };
    r.onsuccess = () => done(r.result);
  });
  Promise.all([open(from), open(to)]).then(([a, b]) => {
    const read = a.transaction("records").objectStore("records").getAll();
    read.onsuccess = () => {
      const t = b.transaction("records", "readwrite");
      read.result.forEach((rec) => t.objectStore("records").put(rec));
      t.oncomplete = () => { a.close(); b.close(); ok(read.result.length); };
      t.onerror = fail;
    };
  });
})"""


def stash_queue(page) -> int:
    """A copy of the phone's queue as it is now (in a test-only database), to send it again later."""
    return page.evaluate(COPY_RECORDS, ["sammachip-offline", "test-stash"])


def restore_queue(page) -> int:
    return page.evaluate(COPY_RECORDS, ["test-stash", "sammachip-offline"])
