"""The Datasette web UI in a real headless Chromium (Debian's /usr/bin/chromium via Playwright).

`danvan serve` runs as a subprocess on a free port of 127.0.0.1 against a DB built here.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipeline.store import open_db, store_articles
from store_helpers import corpus

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"Debian's chromium is not installed at {CHROMIUM} and could not be installed "
           "(`make test` installs it with apt-get when it can)")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "corpus.db"
    db = open_db(path)
    store_articles(db, corpus())
    db.close()  # the last connection folds the WAL into the file
    assert not Path(str(path) + "-wal").exists()
    return path


@pytest.fixture(scope="module")
def server(corpus_db):
    port = free_port()
    before = sha256(corpus_db)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "serve", str(corpus_db),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("danvan serve did not start:\n" + proc.stdout.read())
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    assert sha256(corpus_db) == before, "serving changed the database file"


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            accept_downloads=True)
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(15000)
    yield page
    page.close()


def row_ids(page) -> set[str]:
    return {cell.inner_text().strip() for cell in page.locator("table.rows-and-columns td.col-id").all()}


def test_pages_load_with_their_metadata(page, server):
    page.goto(server + "/")
    assert "danvan" in page.title()
    page.locator("a", has_text="articles").first.click()  # the link in the description
    page.wait_for_url("**/corpus/article_overview")
    assert len(row_ids(page)) == 6
    page.goto(server + "/corpus")
    for title in ("Full-text search (diacritics optional)", "Themes per year and province",
                  "Most cited directives", "Co-cited directive pairs", "Articles citing a directive"):
        assert page.get_by_role("link", name=title).is_visible()
    assert page.get_by_role("link", name="theme_tags").is_visible()


def test_a_facet_filters_the_articles(page, server):
    page.goto(server + "/corpus/article_overview")
    assert row_ids(page) == {a.id for a in corpus()}
    page.locator("#facet-province a", has_text="Gia Lai").click()
    page.wait_for_url("**province=Gia+Lai**")
    assert row_ids(page) == {"gl-1", "gl-2"}
    page.goto(server + "/corpus/article_overview")
    page.locator("#facet-themes a", has_text="religion").click()
    page.wait_for_url("**themes__arraycontains=religion**")
    assert row_ids(page) == {"gl-1", "dn-1"}


@pytest.mark.parametrize("typed, expected, absent", [
    ("dang uy", {"gl-1"}, "vn-1"), ("ton giao", {"gl-1", "dn-1"}, "vn-1"),
    ("Đảng ủy", {"gl-1"}, "bp-1")])
def test_search_without_diacritics_finds_the_article(page, server, typed, expected, absent):
    page.goto(server + "/corpus/article_overview")
    page.fill("input#_search", typed)
    page.press("input#_search", "Enter")
    page.wait_for_url("**_search=**")
    found = row_ids(page)
    assert expected <= found and absent not in found


def test_canned_queries_run(page, server):
    page.goto(server + "/corpus/articles_citing")
    page.fill("textarea#qp1, input[name=directive]", "25-nq/tw")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_url("**directive=25-nq**")
    assert row_ids(page) == {"gl-1", "bp-1"}
    page.goto(server + "/corpus/most_cited_directives")
    first = page.locator("table.rows-and-columns tbody tr").first
    assert "25-NQ/TW@XI" in first.inner_text()
    page.goto(server + "/corpus/search?q=" + "giai+phong+mat+bang")
    assert row_ids(page) == {"bp-1"}
    assert "[giải phóng mặt bằng]" in page.locator("td.col-snippet").first.inner_text()
    page.goto(server + "/corpus/themes_per_year_province")
    page.locator("form.sql input[type=submit]").click()
    text = page.locator("table.rows-and-columns").inner_text()
    assert "Gia Lai" in text and "religion" in text
    page.goto(server + "/corpus/co_cited_pairs")
    assert "22-CT/TU@Bình Phước" in page.locator("table.rows-and-columns").inner_text()


def test_csv_export_downloads(page, server, tmp_path):
    page.goto(server + "/corpus/theme_tags?theme=religion&level=2")
    page.locator("#export input[name=_dl]").check()
    with page.expect_download() as info:
        page.locator("#export input[type=submit]").click()
    saved = tmp_path / "export.csv"
    info.value.save_as(saved)
    rows = list(csv.DictReader(io.StringIO(saved.read_text("utf-8"))))
    assert {r["article_id"] for r in rows} == {"gl-1", "dn-1"}
    assert all(r["theme"] == "religion" for r in rows)


def test_writes_through_the_web_ui_are_impossible(page, server, corpus_db):
    before = sha256(corpus_db)
    # the SQL editor only runs read statements
    page.goto(server + "/corpus")
    sql = "DELETE FROM articles"
    page.goto(server + "/corpus?sql=" + urllib.request.quote(sql))
    assert "Statement must be a SELECT" in page.content() or "error" in page.content().lower()
    # POSTing writes, as a form or API would, is refused
    api = page.request
    for url, data in [(server + "/corpus", {"sql": "INSERT INTO corpus_info VALUES ('x', 'y')"}),
                      (server + "/corpus/articles/-/insert", {"row": {"id": "evil"}}),
                      (server + "/corpus/articles/gl-1/-/delete", {}),
                      (server + "/corpus/-/create", {"table": "evil"})]:
        response = api.post(url, data=data)
        assert response.status >= 400, url
    response = api.get(server + "/corpus.json?sql=" + urllib.request.quote(
        "SELECT count(*) AS n FROM articles"))
    assert response.json()["rows"] == [[6]]
    databases = api.get(server + "/-/databases.json").json()
    assert databases[0]["is_mutable"] is False
    assert sha256(corpus_db) == before
