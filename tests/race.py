"""Real concurrent requests for the race tests: clients signed in as separate sessions, and
calls released together from a barrier, each in its own thread."""
import threading

from .factories import PASSWORD


def signed_in_clients(app, usernames) -> list:
    """A test client per name (a name may repeat: one user's several devices), each signed in."""
    clients = []
    for name in usernames:
        client = app.test_client()
        client.post("/login", data={"username": name, "password": PASSWORD})
        clients.append(client)
    return clients


def at_once(call, arguments) -> list:
    """`call(*args)` for each tuple of `arguments`, all released at the same moment; the results in
    the order the calls finished. Commit the test's own transaction first (SQLite's write lock)."""
    barrier, results = threading.Barrier(len(arguments)), []

    def run(args):
        barrier.wait()
        results.append(call(*args))

    threads = [threading.Thread(target=run, args=(args,)) for args in arguments]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
