"""Give back, once the player is on screen, memory that only start-up needed: the free pages of
the C heap (`malloc_trim`), and the resident code of pydantic-core, which validated the routine
and the catalogue and does not run while a routine plays (about 3.5 MiB of the player's 50 MiB;
bench/player_budget.py). Linux with glibc only: anywhere else, or when anything is missing,
nothing happens.

The code pages leave this process only (`MADV_DONTNEED` on the library's mappings that cannot be
written and hold no page of their own, so nothing is lost): when pydantic runs again they are
read back from the page cache, or the file, as the kernel does after reclaiming them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

START_UP_ONLY = ("/_pydantic_core.",)
"""Parts of the file names of libraries whose code only start-up runs."""
MADV_DONTNEED = 4


def release_start_up_memory() -> None:
    """Trim the heap and drop the resident pages of the start-up-only libraries' code."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        malloc_trim = libc.malloc_trim
        madvise = libc.madvise
        smaps = Path("/proc/self/smaps").read_text(encoding="utf-8", errors="replace")
    except (ImportError, OSError, AttributeError):
        return
    malloc_trim.argtypes = [ctypes.c_size_t]
    madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    malloc_trim(0)
    for start, end in droppable(smaps, START_UP_ONLY):
        madvise(start, end - start, MADV_DONTNEED)


def droppable(smaps: str, names: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """The address ranges, in `/proc/PID/smaps` text, of the private mappings of a file whose
    name contains one of `names`, that are not writable and have no anonymous (copied on write)
    page: their pages are exactly the file's, so dropping them loses nothing."""
    mapping: tuple[int, int] | None = None
    for line in smaps.splitlines():
        fields = line.split()
        if not fields:
            continue
        if not fields[0].endswith(":"):  # a mapping: "start-end perms offset dev inode [path]"
            mapping = None
            perms = fields[1] if len(fields) > 1 else ""
            path = fields[5] if len(fields) > 5 else ""
            start, dash, end = fields[0].partition("-")
            if dash and perms[1:2] == "-" and perms[3:4] == "p" and any(n in path for n in names):
                mapping = (int(start, 16), int(end, 16))
        elif fields[0] == "Anonymous:" and mapping is not None:
            if fields[1] == "0":
                yield mapping
            mapping = None
