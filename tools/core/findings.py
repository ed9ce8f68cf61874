"""Findings: one value type for every problem any check reports, and the reporters for them."""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

BLOCKING = "fout"
ADVISORY = "advies"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in one place. Messages and tips are Dutch: editors read them."""

    file: str
    line: int
    rule: str
    message: str
    tip: str = ""
    severity: str = BLOCKING
    field: str = ""
    excerpt: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_text(self) -> str:
        label = "FOUT" if self.blocking else "advies"
        where = self.location()
        head = f"{where}: {label} [{self.rule}]"
        if self.field:
            head += f" veld '{self.field}'"
        lines = [f"{head}: {self.message}"]
        if self.excerpt:
            lines.append(f"    > {self.excerpt}")
        if self.tip:
            lines.append(f"    Tip: {self.tip}")
        return "\n".join(lines)

    def as_github(self) -> str:
        kind = "error" if self.blocking else "warning"
        text = self.message + (f" Tip: {self.tip}" if self.tip else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        title = self.rule.replace(",", " ").replace("::", ":")
        return f"::{kind} file={self.file},line={max(self.line, 1)},title={title}::{text}"


@dataclass
class Report:
    """A collection of findings, plus the exceptions editors declared (listed in every report)."""

    findings: list[Finding] = field(default_factory=list)
    exceptions: list[Finding] = field(default_factory=list)

    def extend(self, items: Iterable[Finding]) -> None:
        self.findings.extend(items)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    def sorted(self) -> list[Finding]:
        return sorted(set(self.findings), key=lambda f: (f.file, f.line, f.rule, f.message))

    def as_text(self, advisory: bool = True) -> str:
        shown = [f for f in self.sorted() if advisory or f.blocking]
        out = [f.as_text() for f in shown]
        if self.exceptions:
            out.append("Uitzonderingen die redacteuren hebben vastgelegd:")
            out.extend("  " + e.as_text().replace("\n", "\n  ") for e in sorted(set(self.exceptions)))
        n_block = len(self.blocking)
        n_adv = len(self.findings) - n_block
        out.append(f"{n_block} fout(en), {n_adv} advies/adviezen, {len(set(self.exceptions))} uitzondering(en).")
        return "\n".join(out)

    def as_json(self) -> str:
        return json.dumps(
            {
                "fouten": len(self.blocking),
                "bevindingen": [asdict(f) for f in self.sorted()],
                "uitzonderingen": [asdict(f) for f in sorted(set(self.exceptions))],
            },
            ensure_ascii=False,
            indent=2,
        )

    def emit(self, stream, json_path: str | os.PathLike | None = None, advisory: bool = True) -> None:
        """Print for people, and for GitHub Actions when running there; optionally write JSON."""
        print(self.as_text(advisory=advisory), file=stream)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            for f in self.sorted():
                print(f.as_github(), file=stream)
        if json_path:
            Path(json_path).write_text(self.as_json(), encoding="utf-8")
