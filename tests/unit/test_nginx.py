"""scripts/nginx.py: the local run of scripts/nginx.conf differs from the shipped file only where it must."""
from __future__ import annotations

import pytest

from scripts import nginx

SHIPPED = nginx.SHIPPED.read_text(encoding="utf-8")


def test_local_server_block_changes_only_listen_and_root():
    local = nginx.server_block(SHIPPED, "/srv/site", 9999, brotli=True)
    assert "listen 127.0.0.1:9999;" in local and "root /srv/site;" in local
    assert "listen 80;" not in local and "[::]" not in local and "/var/www/" not in local
    rest = lambda t: [l for l in t.splitlines() if not l.strip().startswith(("listen", "root"))]  # noqa: E731
    assert rest(local) == rest(SHIPPED)


def test_brotli_lines_dropped_without_the_module():
    local = nginx.server_block(SHIPPED, "/srv/site", 9999, brotli=False)
    directives = [l.strip() for l in local.splitlines() if l.strip() and not l.strip().startswith("#")]
    assert not [d for d in directives if d.startswith("brotli")]
    assert "gzip on;" in directives
    # brotli_types went with its continuation line; gzip_types kept its own
    assert SHIPPED.count("image/svg+xml application/wasm;") == 2 and local.count("image/svg+xml application/wasm;") == 1


def test_a_config_without_its_listen_line_is_refused():
    with pytest.raises(ValueError, match="listen 80"):
        nginx.server_block(SHIPPED.replace("listen 80;", "listen 8080;"), "/srv/site", 9999, brotli=True)


def test_main_config_keeps_everything_under_its_folder(tmp_path):
    conf = nginx.main_config(tmp_path, brotli=False)
    for line in ("pid ", "error_log ", "access_log ", "client_body_temp_path ", "include "):
        assert f"{line}{tmp_path}" in conf, line
    assert "daemon off;" in conf and "load_module" not in conf
