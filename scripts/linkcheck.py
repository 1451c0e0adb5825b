"""Run linkchecker over a built site served on a local port (HTTP mode: anchors and root-absolute links
are checked). `python scripts/linkcheck.py DIR [--external]`; exit 1 when a link is broken."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.serve_static import serve  # noqa: E402

CONFIG = """[checking]
maxrequestspersecond=1000
threads=4
[filtering]
ignore=
  sitemap\\.xml
{extern}
[AnchorCheck]
"""


def linkcheck(directory: str, external: bool = False, port: int | None = None) -> subprocess.CompletedProcess:
    """Port: the one the site was built for (TEST_PORT, absolute hreflang links); 0 = any free port."""
    srv, url = serve(directory, int(os.environ.get("TEST_PORT", "8765")) if port is None else port)
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as f:
            f.write(CONFIG.format(extern="checkextern=1" if external else ""))
            rc = f.name
        os.chmod(rc, 0o644)  # linkchecker drops to 'nobody' when run as root
        exe = Path(sys.executable).parent / "linkchecker"
        cmd = [str(exe), "-f", rc, "--no-warnings", "--no-status", "-o", "text"]
        if external:
            cmd.append("--check-extern")
        return subprocess.run(cmd + [url], capture_output=True, text=True)
    finally:
        srv.shutdown()


if __name__ == "__main__":
    args = sys.argv[1:]
    res = linkcheck(args[0], "--external" in args)
    out = res.stdout
    if res.returncode:
        print(out[out.find("\nURL") if "\nURL" in out else 0:])
        print(f"linkcheck: broken links found in {args[0]} (exit {res.returncode})", file=sys.stderr)
    else:
        print(out.strip().splitlines()[-1] if out.strip() else "linkcheck: ok")
    sys.exit(res.returncode)
