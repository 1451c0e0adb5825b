"""The project as data: settings, data files and pages, loaded once and cached by file time."""
from __future__ import annotations

from pathlib import Path

from . import pages as pages_mod
from .problems import ROOT
from .settings import load_settings
from .yamlfile import load


class Site:
    def __init__(self, root: Path = ROOT, settings: dict | None = None, docs: Path | None = None):
        self.root = Path(root)
        self.docs = Path(docs) if docs else self.root / "docs"
        self.settings = settings if settings is not None else load_settings(self.root)
        self._data: dict = {}
        self._pages = None
        # Marker renderings shared by the checks and the build of one set of files ({key: html}, see
        # markers.expand); None = not cached. gate.for_build starts a new one whenever a file changes.
        self.render_cache: dict | None = None

    @property
    def data_dir(self) -> Path:
        return self.docs / "_data"

    def data(self, name: str):
        """docs/_data/NAME.yml as (data, problems); parsed once per process, again when the file changes
        (scripts/yamlfile.load keeps the parse; the data is shared and read-only, the problems list is yours)."""
        path = self.data_dir / f"{name}.yml"
        return load(path) if path.exists() else (None, [])

    def pages(self) -> list:
        if self._pages is None:
            self._pages = pages_mod.discover(self.docs)
        return self._pages
