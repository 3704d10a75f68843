"""What the app gives back once the player is on screen (psoas_tui.tui.memory)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from psoas_tui.tui.memory import START_UP_ONLY, droppable

SMAPS = """\
7f0000000000-7f0000100000 r--p 00000000 08:01 11 /venv/pydantic_core/_pydantic_core.cpython-311.so
Rss:                 768 kB
Anonymous:             0 kB
VmFlags: rd mr mw me sd
7f0000100000-7f0000400000 r-xp 00100000 08:01 11 /venv/pydantic_core/_pydantic_core.cpython-311.so
Rss:                3068 kB
Anonymous:             0 kB
7f0000400000-7f0000430000 r--p 00400000 08:01 11 /venv/pydantic_core/_pydantic_core.cpython-311.so
Rss:                 184 kB
Anonymous:           184 kB
7f0000430000-7f0000438000 rw-p 00430000 08:01 11 /venv/pydantic_core/_pydantic_core.cpython-311.so
Rss:                  28 kB
Anonymous:            28 kB
7f0000438000-7f0000439000 rw-p 00000000 00:00 0
Rss:                   4 kB
Anonymous:             4 kB
7f1000000000-7f1000200000 r-xp 00000000 08:01 12 /usr/lib/libsqlite3.so.0.8.6
Rss:                 976 kB
Anonymous:             0 kB
7f2000000000-7f2000001000 r--s 00000000 08:01 13 /venv/pydantic_core/_pydantic_core.cpython-311.so
Rss:                   4 kB
Anonymous:             0 kB
"""


def test_only_read_only_private_unmodified_mappings_of_the_library_are_dropped() -> None:
    found = list(droppable(SMAPS, START_UP_ONLY))
    # not the relocated (copied-on-write) part, the writable data, other files or a shared map
    assert found == [(0x7F0000000000, 0x7F0000100000), (0x7F0000100000, 0x7F0000400000)]


RESIDENT = """
from pathlib import Path

def resident() -> int:
    total, counting = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if not fields[0].endswith(":"):
            counting = len(fields) > 5 and "/_pydantic_core." in fields[5]
        elif fields[0] == "Rss:" and counting:
            total += int(fields[1])
    return total

from pydantic import BaseModel

class Model(BaseModel):
    name: str
    count: int = 0

Model(name="a", count=1)
before = resident()
from psoas_tui.tui.memory import release_start_up_memory
release_start_up_memory()
after = resident()
assert Model(name="b", count=2).count == 2  # pydantic still works: its pages come back
print(before, after)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_the_code_of_pydantic_core_leaves_memory_and_still_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", RESIDENT], capture_output=True, text=True, check=True
    )
    before, after = (int(value) for value in result.stdout.split())
    assert before > 1024  # KiB: the library's code was resident
    assert after < before / 2
