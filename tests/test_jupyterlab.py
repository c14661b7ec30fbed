"""JupyterLab smoke test: the server starts headless on a free loopback port with a token, serves
``/lab``, lists the notebooks, starts a ``python3`` kernel through its REST API and runs a cell
that imports ``jbanalysis`` over the kernel's websocket; then it is shut down."""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

import jbanalysis

pytestmark = pytest.mark.slow
websocket = pytest.importorskip("websocket", reason="websocket-client comes with jupyter_server")

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 90


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


def _execute(ws, code: str, timeout: float = 60) -> tuple[str, str]:
    """Send an execute_request; return (reply status, stdout) for it."""
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
    stdout, status = "", ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not status:
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "stream" and msg["content"]["name"] == "stdout":
            stdout += msg["content"]["text"]
        elif kind == "execute_reply":
            status = msg["content"]["status"]
    return status, stdout


def test_jupyterlab_serves_the_notebooks_and_runs_a_kernel(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={ROOT}",
            "--allow-root",  # CI runs as root
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
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
                pytest.fail(f"jupyter lab did not start:\n{(tmp_path / 'lab.log').read_text()}")
            time.sleep(0.5)

        status, page = _request(f"{base}/lab", token)
        assert status == 200 and b"JupyterLab" in page

        status, listing = _request(f"{base}/api/contents/notebooks", token)
        names = sorted(item["name"] for item in json.loads(listing)["content"])
        assert status == 200
        assert {
            "01_data_overview.ipynb",
            "02_jiangbei_vs_central_districts.ipynb",
            "03_structure.ipynb",
            "04_forecasts.ipynb",
        } <= set(names)

        status, kernel = _request(f"{base}/api/kernels", token, "POST", {"name": "python3"})
        kernel_id = json.loads(kernel)["id"]
        assert status == 201
        ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/api/kernels/{kernel_id}/channels?token={token}", timeout=60
        )
        try:
            reply, out = _execute(
                ws, "import jbanalysis as jb\nprint(jb.resolve_district('江北区'), jb.__version__)"
            )
        finally:
            ws.close()
        assert reply == "ok"
        assert out.split() == ["jiangbei", jbanalysis.__version__]
        assert _request(f"{base}/api/kernels/{kernel_id}", token, "DELETE")[0] == 204
        _request(f"{base}/api/shutdown", token, "POST")
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()
