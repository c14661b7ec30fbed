"""JupyterLab as analysts open it: ``make lab`` starts the server (as root with
``--allow-root``, as anyone else without; ``PORT=`` and ``ARGS=`` passed through), on a free
loopback port with a token. The test opens each notebook through the contents API, starts a
session for it (what JupyterLab does when a notebook is opened) and runs every code cell in
that kernel over its websocket: no error, nothing on stderr, the charts drawn. Then the server
is shut down through its API."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from test_notebooks import MIN_FIGURES, NOTEBOOKS

import jbanalysis

pytestmark = pytest.mark.slow
websocket = pytest.importorskip("websocket", reason="websocket-client comes with jupyter_server")

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 90
MAKE = shutil.which("make")
# the environment running the tests is the project's .venv (or one like it): make lab uses its
# jupyter; `-o STAMP` keeps make from reinstalling it
VENV = Path(sys.prefix)
STAMP = f"{VENV}/.installed"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _request(url: str, token: str, method: str = "GET", body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", f"token {token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=30) as resp:
        payload = resp.read()
        return resp.status, payload


def _execute(ws, code: str, timeout: float = 180) -> dict:
    """Send an execute_request; return its reply status, stdout, stderr, errors and images."""
    msg_id, session = uuid.uuid4().hex, uuid.uuid4().hex
    ws.send(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "username": "test",
                    "session": session,
                    "msg_type": "execute_request",
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "channel": "shell",
                "content": {
                    "code": code,
                    "silent": False,
                    "store_history": False,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
                "buffers": [],
            }
        )
    )
    result = {"status": "", "stdout": "", "stderr": "", "error": "", "images": 0}
    deadline = time.monotonic() + timeout
    idle = False
    # the reply comes on the shell channel, the output on iopub: no order between them is
    # guaranteed, so wait for both the reply and iopub's "idle" for this request
    while time.monotonic() < deadline and not (result["status"] and idle):
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["header"]["msg_type"], msg["content"]
        if kind == "stream":
            result[content["name"]] += content["text"]
        elif kind == "error":
            result["error"] = f"{content['ename']}: {content['evalue']}"
        elif kind in ("display_data", "execute_result") and "image/png" in content["data"]:
            result["images"] += 1
        elif kind == "execute_reply":
            result["status"] = content["status"]
        elif kind == "status" and content["execution_state"] == "idle":
            idle = True
    return result


def _lab_command(port: int, token: str, user_id: str | None = None, dry: bool = False) -> list:
    args = (
        f"--no-browser --ip=127.0.0.1 --ServerApp.port_retries=0 --IdentityProvider.token={token}"
    )
    command = [MAKE, "--no-print-directory", "-s", "-o", STAMP, "lab", f"VENV={VENV}"]
    command += [f"PORT={port}", f"ARGS={args}"]
    if user_id is not None:
        command.append(f"USER_ID={user_id}")
    return [*command[:1], "-n", *command[1:]] if dry else command


@pytest.mark.skipif(MAKE is None, reason="make not installed")
def test_make_lab_adds_allow_root_for_root_only_and_passes_port_and_args():
    for user_id, allow_root in (("0", True), ("1000", False)):
        run = subprocess.run(
            _lab_command(8890, "t0ken", user_id, dry=True),
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        line = run.stdout.strip().splitlines()[-1]
        assert line.startswith(f"{VENV}/bin/jupyter lab --notebook-dir=notebooks --port=8890")
        assert ("--allow-root" in line) is allow_root, line
        assert line.endswith("--IdentityProvider.token=t0ken")


@pytest.mark.skipif(MAKE is None, reason="make not installed")
def test_make_lab_serves_the_notebooks_and_runs_each_in_a_kernel(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "lab.log"
    log = log_path.open("w")
    # its own process group: make and the jupyter it starts are stopped together if need be
    server = subprocess.Popen(
        _lab_command(port, token),
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                if _request(f"{base}/api/status", token)[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"make lab did not start jupyter lab:\n{log_path.read_text()}")
            time.sleep(0.5)

        status, page = _request(f"{base}/lab", token)
        assert status == 200 and b"JupyterLab" in page

        # make lab serves notebooks/ as the root
        status, listing = _request(f"{base}/api/contents", token)
        names = sorted(item["name"] for item in json.loads(listing)["content"])
        assert status == 200 and {f"{n}.ipynb" for n in NOTEBOOKS} <= set(names)

        for name in NOTEBOOKS:
            status, body = _request(f"{base}/api/contents/{name}.ipynb?content=1", token)
            notebook = json.loads(body)
            assert status == 200 and notebook["type"] == "notebook"
            cells = [c for c in notebook["content"]["cells"] if c["cell_type"] == "code"]
            status, body = _request(
                f"{base}/api/sessions",
                token,
                "POST",
                {
                    "path": f"{name}.ipynb",
                    "name": f"{name}.ipynb",
                    "type": "notebook",
                    "kernel": {"name": "python3"},
                },
            )
            assert status == 201
            session = json.loads(body)
            ws = websocket.create_connection(
                f"ws://127.0.0.1:{port}/api/kernels/{session['kernel']['id']}/channels"
                f"?token={token}",
                timeout=180,
            )
            images = 0
            try:
                for number, cell in enumerate(cells, 1):
                    done = _execute(ws, cell["source"])
                    where = f"{name}, code cell {number}"
                    assert done["status"] == "ok", (where, done["error"])
                    assert done["stderr"] == "", (where, done["stderr"])
                    images += done["images"]
                if name == NOTEBOOKS[0]:
                    done = _execute(ws, "print(jb.__version__, ctx.district, ctx.lang)")
                    assert done["stdout"].split() == [jbanalysis.__version__, "jiangbei", "zh"]
            finally:
                ws.close()
            assert images >= MIN_FIGURES[name], name
            assert _request(f"{base}/api/sessions/{session['id']}", token, "DELETE")[0] == 204
        _request(f"{base}/api/shutdown", token, "POST")
        server.wait(timeout=30)
        assert server.returncode == 0, log_path.read_text()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()
