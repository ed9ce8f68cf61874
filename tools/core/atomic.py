"""Replace a built site folder in one step, so a failed build never leaves a half-written site.

The build writes into a temporary folder next to the final one (same file system, so a rename is
atomic). Only when every gate passed is it swapped with the final folder: on Linux with
renameat2(RENAME_EXCHANGE), a single atomic step in which the old and the new site trade places;
elsewhere with two renames (the old site is moved aside first, then the new one takes its name).
A failed build removes the temporary folder and leaves the final folder untouched.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from pathlib import Path

TEMP_PREFIX = ".rs-bouw-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2). False when the system cannot do it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


class Swap:
    """A temporary build folder for `final`; `commit()` puts it in place, `discard()` throws it away."""

    def __init__(self, final: Path):
        self.final = Path(final).resolve()
        self.final.parent.mkdir(parents=True, exist_ok=True)
        for old in self.final.parent.glob(f"{TEMP_PREFIX}{self.final.name}-*"):
            shutil.rmtree(old, ignore_errors=True)  # left behind by a build that was killed
        self.temp = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{self.final.name}-", dir=self.final.parent))
        self.done = False

    def commit(self) -> None:
        if self.done:
            return
        self.done = True
        os.chmod(self.temp, 0o755)  # mkdtemp makes it private; a site folder is served
        if self.final.is_dir() and not self.final.is_symlink():
            if _exchange(self.temp, self.final):
                shutil.rmtree(self.temp, ignore_errors=True)  # the previous site, now at the temporary name
                return
            aside = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{self.final.name}-", dir=self.final.parent))
            aside.rmdir()
            os.rename(self.final, aside)
            os.rename(self.temp, self.final)
            shutil.rmtree(aside, ignore_errors=True)
            return
        if self.final.exists() or self.final.is_symlink():
            self.final.unlink()
        os.rename(self.temp, self.final)

    def discard(self) -> None:
        if self.done:
            return
        self.done = True
        shutil.rmtree(self.temp, ignore_errors=True)
