#!/usr/bin/env python3
"""Schemathesis against `warehouse serve` and docs/openapi.yaml: no 5xx, every response as the document says.

Starts the server on a free loopback port with a fresh storage and the demo accounts, signs in as a clerk,
a citizen, an auditor and an admin, files one sample scan (so that document routes are reached past their
404), then runs schemathesis with a fixed seed and a bounded number of examples per operation, calling each
operation as the role that may use it (schemathesis_hooks.py). Run by `make test`; exits non-zero on any
failure. SCHEMATHESIS_EXAMPLES (default 50) sets the examples per operation.
"""
import json, os, re, socket, subprocess, sys, tempfile, time, shutil, urllib.error, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("WAREHOUSE_BINARY", os.path.join(ROOT, ".build/debug/warehouse"))
SPEC = os.path.join(ROOT, "docs/openapi.yaml")
HERE = os.path.dirname(os.path.abspath(__file__))
ROLES = {"clerk": ("canbo.phuong", "motcua-phuong-2024"), "citizen": ("an", "nguyen-van-an-1990"),
         "auditor": ("kiemtra", "kiem-tra-nhat-ky"), "admin": ("quantri", "quan-tri-he-thong")}
SAMPLE = os.path.join(ROOT, "SampleScans/000.12.34.H56-241105-0007/cccd-mat-sau.png")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(base, path, data=None, headers=None, cookie=None):
    headers = dict(headers or {})
    if cookie:
        headers["Cookie"] = f"wh_session={cookie}"
    req = urllib.request.Request(base + path, data=data, headers=headers)
    try:
        with OPENER.open(req, timeout=300) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def sign_in(base, username, password):
    status, headers, _ = request(base, "/login", f"username={username}&password={password}".encode(),
                                 {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 303, f"sign-in of {username}: {status}"
    cookie = re.search(r"wh_session=([^;]+)", headers.get("Set-Cookie", "")).group(1)
    # Every page of a signed-in session carries the CSRF token (the sign-out form in the layout).
    _, _, page = request(base, "/verify", cookie=cookie)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.decode()).group(1)
    return {"cookie": cookie, "csrf": csrf}


def main():
    storage = tempfile.mkdtemp(prefix="schemathesis-")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(storage, "server.log"), "w")
    # The procedures of the sample catalogue: a desk opens dossiers only for those.
    for kind in ("code-lists", "result-types", "procedures"):
        path = next(p for p in (os.path.join(ROOT, "catalog/sample", f"{kind}.{ext}") for ext in ("csv", "json")) if os.path.exists(p))
        subprocess.run([BINARY, "catalog", "import", path, "--kind", kind, "--storage", storage], check=True, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([BINARY, "serve", "--demo", "--storage", storage, "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except Exception:
                if time.time() > deadline or server.poll() is not None:
                    raise RuntimeError("the server did not start")
                time.sleep(0.3)
        state = {"roles": {role: sign_in(base, *account) for role, account in ROLES.items()}}
        clerk = state["roles"]["clerk"]
        # A dossier of the clerk's desk with one filed scan of An's.
        status, headers, _ = request(base, "/desk/dossiers", f"csrf={clerk['csrf']}&procedure=1.001193&owner=038090012345".encode(),
                                     {"Content-Type": "application/x-www-form-urlencoded"}, clerk["cookie"])
        assert status == 303, f"open dossier: {status}"
        dossier = headers["Location"].rsplit("/", 1)[1]
        boundary = uuid.uuid4().hex
        with open(SAMPLE, "rb") as f:
            scan = f.read()
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{clerk['csrf']}\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cccd.png\"\r\n\r\n").encode()
        body += scan + f"\r\n--{boundary}--\r\n".encode()
        status, _, report = request(base, f"/api/dossiers/{dossier}/files", body,
                                    {"Content-Type": f"multipart/form-data; boundary={boundary}", "Accept": "application/json"}, clerk["cookie"])
        assert status == 200, f"upload: {status} {report[:300]}"
        state["document"] = json.loads(report)["files"][0]["document"]
        state["dossier"] = dossier
        sessions = os.path.join(storage, "sessions.json")
        with open(sessions, "w") as f:
            json.dump(state, f)

        examples = os.environ.get("SCHEMATHESIS_EXAMPLES", "50")
        command = [
            sys.executable, "-m", "schemathesis.cli", "run", SPEC, "--url", base,
            "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance",
            "--max-examples", examples, "--seed", "20261122", "--workers", "2", "--request-timeout", "120",
            "--phases", "examples,coverage,fuzzing",
            # Signing out ends the session every other operation runs in; the Swift tests cover it.
            "--exclude-operation-id", "logout",
            "--suppress-health-check", "all", "--no-color",
        ]
        env = dict(os.environ, SCHEMATHESIS_HOOKS="schemathesis_hooks", WH_SESSIONS=sessions,
                   PYTHONPATH=HERE + os.pathsep + os.environ.get("PYTHONPATH", ""))
        started = time.time()
        # Run in the scratch storage: schemathesis leaves a .schemathesis/ folder where it runs.
        result = subprocess.run(command, env=env, cwd=storage)
        print(f"schemathesis: exit {result.returncode} in {time.time() - started:.0f} s")
        return result.returncode
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if server.returncode not in (0, -15, None):
            print(open(os.path.join(storage, "server.log")).read()[-3000:])
        shutil.rmtree(storage, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
