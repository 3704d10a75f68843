"""Shared by the benchmarks that run programs in a real terminal: each program in its own private
tmux server (`tmux -L SOCKET`, 80x24), and what its processes use, read from /proc.

* CPU: utime + stime of every live process under the pane (threads included), plus the cutime +
  cstime of each (the children it has already waited for: a sound player that ran and ended still
  counts), in clock ticks;
* wake-ups: voluntary context switches of all their threads;
* memory: VmRSS (`/proc/PID/status`), and PSS and USS (Private_Clean + Private_Dirty) from
  `/proc/PID/smaps_rollup`, summed over the processes.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

CLK_TCK = os.sysconf("SC_CLK_TCK")
BARE_APP = """from textual.app import App
from textual.widgets import Footer, Header, Static


class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Header()
        yield Static("a bare Textual app", id="text")
        yield Footer()


Bare().run()
"""
"""The baseline: a bare Textual app (Header + Static + Footer) that does nothing."""


@dataclass
class Program:
    label: str
    command: list[str]
    socket: str
    expect: str
    """Text that must be on the screen for the run to count (the program really started)."""
    environment: tuple[str, ...] = ()
    """More `NAME=value` for its environment (PYTHONPATH for another copy of the source, say)."""


@dataclass(frozen=True)
class Memory:
    rss_kib: int
    pss_kib: int
    uss_kib: int


@dataclass(frozen=True)
class Sample:
    at: float
    cpu_ticks: int
    switches: int
    server_ticks: int
    pids: tuple[int, ...]
    memory: Memory
    """Of all the program's processes (the app and the helpers it started: sound, speech)."""
    app_memory: Memory
    """Of the app's own process (the pane's)."""


def tmux(socket: str, *args: str) -> str:
    result = subprocess.run(
        ["tmux", "-L", socket, "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout


def start(program: Program, home: Path) -> None:
    """Start `program` in its tmux server (80x24), with PSOAS_HOME set to `home`. The command is
    exec'd, so the pane's process is the program itself (no shell in between)."""
    session = ["new-session", "-d", "-s", "bench", "-x", "80", "-y", "24"]
    environment = ["TERM=xterm-256color", "COLORTERM=truecolor", f"PSOAS_HOME={home}"]
    for variable in [*environment, *program.environment]:
        session += ["-e", variable]
    tmux(program.socket, *session, "exec " + shlex.join(program.command))
    tmux(program.socket, "set-option", "-t", "bench", "remain-on-exit", "on")


def stop(program: Program) -> None:
    tmux(program.socket, "kill-server")
    remove_socket(program.socket)


def remove_socket(socket: str) -> None:
    """tmux leaves its socket file behind after kill-server; remove it."""
    folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
    (folder / socket).unlink(missing_ok=True)


def screen(program: Program) -> str:
    return tmux(program.socket, "capture-pane", "-p", "-t", "bench")


def home_without_safety_note(home: Path) -> None:
    """A PSOAS_HOME whose safety note was already seen (so `psoas play` starts playing)."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.toml").write_text("safety_note_seen = true\n")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # after "pid (comm) "


def children_map() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        fields = _stat_fields(int(entry))
        if fields is not None:
            tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def descendants(root: int) -> list[int]:
    tree = children_map()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def cpu_ticks(pid: int, children: bool = True) -> int:
    """utime + stime of `pid` (fields 14 and 15 of stat), and with `children` its waited-for
    children's cutime + cstime (fields 16 and 17)."""
    fields = _stat_fields(pid)
    if fields is None:
        return 0
    own = int(fields[11]) + int(fields[12])
    return own + (int(fields[13]) + int(fields[14]) if children else 0)


def switches(pid: int) -> int:
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for task in tasks:
        try:
            status = Path(f"/proc/{pid}/task/{task}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def memory(pid: int) -> Memory:
    rss = pss = uss = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key == "Pss":
                pss = int(rest.split()[0])
            elif key in ("Private_Clean", "Private_Dirty"):
                uss += int(rest.split()[0])
    except (OSError, ValueError):
        return Memory(0, 0, 0)
    return Memory(rss, pss, uss)


def pane_pid(program: Program) -> int:
    return int(tmux(program.socket, "list-panes", "-t", "bench", "-F", "#{pane_pid}").split()[0])


def sample(program: Program) -> Sample:
    server = int(tmux(program.socket, "display-message", "-p", "#{pid}").strip())
    app = pane_pid(program)
    pids = tuple(descendants(app))
    memories = [memory(pid) for pid in pids]
    return Sample(
        at=time.monotonic(),
        cpu_ticks=sum(cpu_ticks(pid) for pid in pids),
        switches=sum(switches(pid) for pid in pids),
        server_ticks=cpu_ticks(server, children=False),
        pids=pids,
        memory=Memory(
            rss_kib=sum(item.rss_kib for item in memories),
            pss_kib=sum(item.pss_kib for item in memories),
            uss_kib=sum(item.uss_kib for item in memories),
        ),
        app_memory=memory(app),
    )
