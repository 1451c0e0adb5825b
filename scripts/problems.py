"""One problem an editor must fix, printed as `path:line: message`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rel(path: str | Path) -> str:
    """Path as the editor sees it: relative to the project root when inside it."""
    p = Path(path).resolve()
    for base in (Path.cwd().resolve(), ROOT):  # the project being checked or built, else this repository
        try:
            return p.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(path)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    level: str = "error"  # "error" fails the check; "warning" is reported only

    def __str__(self) -> str:
        tag = "" if self.level == "error" else f"{self.level}: "
        return f"{rel(self.path)}:{self.line}: {tag}{self.message}"


class ContentError(Exception):
    """Raised while rendering: carries the problems so the build can fail with path and line."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(str(p) for p in self.problems))
