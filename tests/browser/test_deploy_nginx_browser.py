"""The app behind Debian's nginx with the committed site configuration
(deploy/nginx-lagesbild.conf, with this test's ports and a self-signed certificate), signed in
through the test OIDC provider: the pages load over HTTPS, the websocket carries a page's data,
static files arrive compressed, the security headers are there and the upload limit holds."""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import ssl
import tomllib
import urllib.request
from pathlib import Path

import pytest
import streamlit
from browsertest import wait_for_script
from conftest import ROOT, start_server
from playwright.sync_api import Browser, Page, expect
from services import SITE_CONFIG, Nginx, OidcProvider, free_port
from signin import CLIENT_ID, CLIENT_SECRET, READER, sign_in, write_secrets

from lagesbild.i18n import t

PLOTLY_CHUNK = next((Path(streamlit.__file__).parent / "static" / "static" / "js")
                    .glob("PlotlyChart.*.js"))
SECURITY_HEADERS = ("strict-transport-security", "x-content-type-options", "x-frame-options",
                    "referrer-policy", "content-security-policy", "permissions-policy")
UNVERIFIED = ssl._create_unverified_context()   # the test's self-signed certificate


@pytest.fixture(scope="module")
def proxied_app(demo_db_path, tmp_path_factory):
    """Provider, app and nginx: the app reached only at https://127.0.0.1:<nginx's port>."""
    directory = tmp_path_factory.mktemp("proxied")
    app_port, https_port = free_port(), free_port()
    public_url = f"https://127.0.0.1:{https_port}"
    started = []
    try:
        provider = OidcProvider(directory, CLIENT_ID, CLIENT_SECRET, f"{public_url}/oauth2callback")
        started.append(provider)
        secrets = write_secrets(directory / "secrets.toml", public_url, provider.metadata_url)
        shutil.copy(demo_db_path, directory / "demo.duckdb")
        server = start_server(directory / "demo.duckdb", directory,
                              ["--secrets.files", str(secrets)], port=app_port)
        started.append(server)
        nginx = Nginx(app_port, directory, https_port=https_port)
        started.append(nginx)
        yield nginx, provider, server
    finally:
        for service in reversed(started):
            service.stop()


@pytest.fixture
def tls_page(browser: Browser):
    context = browser.new_context(ignore_https_errors=True, locale="sv-SE",
                                  viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def test_pages_load_and_the_websocket_carries_the_data(tls_page: Page, proxied_app):
    nginx, provider, _ = proxied_app
    responses, sockets = {}, []
    tls_page.on("response", lambda response: responses.setdefault(response.url, response))
    tls_page.on("websocket", lambda socket: sockets.append(socket.url))
    sign_in(tls_page, nginx.url, provider.issuer, READER, "/incidenter?ar=2025")
    # The chart's data came over the websocket, through the proxy.
    expect(tls_page.get_by_test_id("stPlotlyChart").first.locator(".main-svg").first).to_be_visible()
    expect(tls_page.get_by_test_id("stMetric").first).to_be_visible()
    assert any(url.startswith(f"wss://127.0.0.1:{nginx.https_port}/_stcore/stream") for url in sockets)
    # The Plotly chunk the browser loaded came compressed.
    chunk = next(r for url, r in responses.items() if url.endswith(f"/{PLOTLY_CHUNK.name}"))
    assert chunk.header_value("content-encoding") == "gzip"
    page_response = responses[next(url for url in responses if url.startswith(nginx.url))]
    for header in SECURITY_HEADERS:
        assert page_response.header_value(header), header
    # Moving to another page keeps the session (the same websocket).
    tls_page.get_by_test_id("stSidebarNav").get_by_role("link", name=t("nav.sla")).click()
    wait_for_script(tls_page)
    expect(tls_page.get_by_test_id("stPlotlyChart").first.locator(".main-svg").first).to_be_visible()
    expect(tls_page.get_by_test_id("stException")).to_have_count(0)


def test_the_plotly_chunk_is_compressed_and_unchanged(proxied_app):
    nginx, _, _ = proxied_app
    request = urllib.request.Request(f"{nginx.url}/static/js/{PLOTLY_CHUNK.name}",
                                     headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, context=UNVERIFIED, timeout=20) as response:
        body = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        for header in SECURITY_HEADERS:
            assert response.headers[header], header
    original = PLOTLY_CHUNK.read_bytes()
    assert gzip.decompress(body) == original
    assert len(body) < 0.4 * len(original), f"{len(body)} of {len(original)} bytes"


def test_plain_http_is_sent_to_https(proxied_app):
    nginx, _, _ = proxied_app
    connection = http.client.HTTPConnection("127.0.0.1", nginx.http_port, timeout=10)
    connection.request("GET", "/incidenter?ar=2024")
    response = connection.getresponse()
    assert response.status == 301
    # To the same host on HTTPS's own port, as in service (https://lagesbild.vmkf.se/...).
    assert response.getheader("Location") == "https://127.0.0.1/incidenter?ar=2024"
    connection.close()


def test_the_upload_limit_is_the_apps(proxied_app):
    nginx, _, _ = proxied_app
    upload_mb = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["server"][
        "maxUploadSize"]
    proxy_mb = int(re.search(r"client_max_body_size (\d+)m;", SITE_CONFIG.read_text()).group(1))
    # Room for the form encoding around the largest file, and no more than that.
    assert upload_mb < proxy_mb <= upload_mb + 2

    def status_of_post(length: int) -> int:
        connection = http.client.HTTPSConnection("127.0.0.1", nginx.https_port, timeout=10,
                                                 context=UNVERIFIED)
        connection.putrequest("POST", "/_stcore/upload_file/x/y")
        connection.putheader("Content-Length", str(length))
        connection.endheaders()
        if length < 1_000_000:
            connection.send(b"x" * length)
        status = connection.getresponse().status
        connection.close()
        return status

    assert status_of_post((proxy_mb + 1) * 1024 * 1024) == 413
    assert status_of_post(1000) != 413     # a small one reaches the app (which judges it)


def test_local_mode_behind_the_proxy_shows_no_data(tls_page: Page, demo_db_path, tmp_path):
    """Without sign-in the app serves only this computer: through a proxy it shows nothing."""
    shutil.copy(demo_db_path, tmp_path / "demo.duckdb")
    server = start_server(tmp_path / "demo.duckdb", tmp_path)
    try:
        nginx = Nginx(server.port, tmp_path)
        try:
            tls_page.goto(f"{nginx.url}/oversikt?ar=2025")
            wait_for_script(tls_page)
            expect(tls_page.get_by_test_id("stMain").get_by_text(
                t("access.local.proxied", header="X-Forwarded-For"))).to_be_visible()
            for element in ("stMetric", "stPlotlyChart", "stDataFrame"):
                expect(tls_page.get_by_test_id(element)).to_have_count(0)
            # The same server opened directly on this computer shows its figures.
            tls_page.goto(f"{server.url}/oversikt?ar=2025")
            wait_for_script(tls_page)
            expect(tls_page.get_by_test_id("stMetric").first).to_be_visible()
        finally:
            nginx.stop()
    finally:
        server.stop()
