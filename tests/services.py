"""Services the deployment tests and the benchmark start on loopback, each on a free port
with bounded waits: nginx with the committed site configuration (deploy/nginx-lagesbild.conf)
and a self-signed certificate, and an OpenID Connect provider (tests/oidc, npm's
`oidc-provider`). tests/run.sh installs nginx, Node.js and the provider's packages."""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_CONFIG = ROOT / "deploy" / "nginx-lagesbild.conf"
OIDC_DIR = ROOT / "tests" / "oidc"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
START_TIMEOUT_S = 30

# What the committed site configuration names, and what a test puts in its place.
SITE_UPSTREAM = "server 127.0.0.1:8501;"
SITE_HTTPS_LISTEN = ("listen 443 ssl http2;", "listen [::]:443 ssl http2;")
SITE_HTTP_LISTEN = ("listen 80;", "listen [::]:80;")
SITE_CERTIFICATE = "/etc/ssl/certs/lagesbild.vmkf.se.pem"
SITE_KEY = "/etc/ssl/private/lagesbild.vmkf.se.key"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path,
                  timeout_s: float = START_TIMEOUT_S) -> None:
    """Wait until something accepts connections on 127.0.0.1:``port``; fail with the log if
    ``process`` exits or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}:\n"
                               f"{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{process.args[0]} did not listen on {port} within {timeout_s} s:\n"
                       f"{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost, valid for a day, and its key."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]),
            critical=False)
        .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise AssertionError(f"{SITE_CONFIG.name} should name {old!r} exactly once: the test "
                             "fills it in")
    return text.replace(old, new)


def render_site(upstream_port: int, https_port: int, http_port: int, cert: Path, key: Path) -> str:
    """The committed site configuration with this test's ports and certificate, loopback only."""
    site = SITE_CONFIG.read_text(encoding="utf-8")
    site = _replace_once(site, SITE_UPSTREAM, f"server 127.0.0.1:{upstream_port};")
    site = _replace_once(site, SITE_HTTPS_LISTEN[0], f"listen 127.0.0.1:{https_port} ssl http2;")
    site = _replace_once(site, SITE_HTTPS_LISTEN[1], "")
    site = _replace_once(site, SITE_HTTP_LISTEN[0], f"listen 127.0.0.1:{http_port};")
    site = _replace_once(site, SITE_HTTP_LISTEN[1], "")
    site = _replace_once(site, SITE_CERTIFICATE, str(cert))
    return _replace_once(site, SITE_KEY, str(key))


class Nginx:
    """Debian's nginx serving the committed site configuration in front of ``upstream_port``,
    as an unprivileged foreground process with everything it writes under ``directory``."""

    def __init__(self, upstream_port: int, directory: Path, https_port: int | None = None):
        self.directory = directory
        self.https_port, self.http_port = https_port or free_port(), free_port()
        self.url = f"https://127.0.0.1:{self.https_port}"
        cert, key = self_signed_certificate(directory)
        (directory / "site.conf").write_text(
            render_site(upstream_port, self.https_port, self.http_port, cert, key), encoding="utf-8")
        for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (directory / temp).mkdir(exist_ok=True)
        (directory / "nginx.conf").write_text(f"""
daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {directory}/access.log;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {directory}/site.conf;
}}
""", encoding="utf-8")
        self.log_path = directory / "nginx.out"
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            [NGINX, "-p", str(directory), "-c", str(directory / "nginx.conf"), "-e",
             str(directory / "error.log")],
            stdout=self._log, stderr=subprocess.STDOUT)
        try:
            wait_for_port(self.https_port, self.process, directory / "error.log")
        except Exception:
            self.stop()
            raise

    def error_log(self) -> str:
        path = self.directory / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        stop(self.process)
        self._log.close()


def node_available() -> bool:
    return shutil.which("node") is not None and (OIDC_DIR / "node_modules" / "oidc-provider").is_dir()


class OidcProvider:
    """npm's `oidc-provider` on loopback with one client: tests/oidc/provider.mjs."""

    def __init__(self, directory: Path, client_id: str, client_secret: str, redirect_uri: str):
        if not node_available():
            raise RuntimeError("node or tests/oidc/node_modules is missing: tests/run.sh installs "
                               "them (npm ci in tests/oidc)")
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.metadata_url = f"{self.issuer}/.well-known/openid-configuration"
        self.log_path = directory / "oidc-provider.log"
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            ["node", str(OIDC_DIR / "provider.mjs"), str(self.port), client_id, client_secret,
             redirect_uri],
            cwd=OIDC_DIR, stdout=self._log, stderr=subprocess.STDOUT)
        try:
            wait_for_port(self.port, self.process, self.log_path)
            with urllib.request.urlopen(self.metadata_url, timeout=5) as response:
                assert response.status == 200
        except Exception:
            self.stop()
            raise

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        stop(self.process)
        self._log.close()
