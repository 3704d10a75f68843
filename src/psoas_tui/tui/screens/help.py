"""Help (?): the keys of every screen, what each screen is for, and the safety note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from psoas_tui.tui.base import AppScreen
from psoas_tui.tui.dialogs.safety import SAFETY_NOTE

HELP_TEXT = """\
HOME — what to do now
  enter / s   start the suggested routine
  c  catalogue      r  routines      t  self-test      h  history      ?  this help
  ctrl+p  command palette: "play <routine>", "open <exercise>", "take the self-test", themes

CATALOGUE — every exercise, searchable by what you have around you
  type        filter by name, alias or cue (/ to get back to the filter)
  t           cycle the type: stretch, strengthen, release, activation
  o           cycle the position: standing, seated, kneeling, lying
  e           cycle what you have: nothing, chair, bed, wall, foam roller, ball, step, band…
  d           only what you can do at your desk          x  clear the filter
  ↑ ↓ / j k   move      enter  go to the variants (enter on one opens it)
  p           play this exercise alone at its default dose
  escape      back

ROUTINES — built-in and your own (in your routines folder)
  ↑ ↓ / j k   move, with a preview of the timeline
  enter / p   play          d  copy to your folder, to change it with any editor
  escape      back

PLAYER — the session
  space  pause / resume           n → l  next         p ← h  back
  r      restart this part        + −    5 s more / less on a hold
  enter  reps done                i      the steps    m      sound on / off
  !      this hurts: stops, asks where and how bad, offers an easier variant or a skip
  q / escape   quit (asks first; what you did is saved)

HISTORY — every session, newest first
  escape      back

Routine files are plain TOML: `psoas check FILE` explains any problem with a file.
"""


class HelpScreen(AppScreen):
    """Keys and screens, then the safety note."""

    BINDINGS = [
        Binding("escape,q,question_mark", "back", "Back"),
        Binding("j", "scroll('down')", "Down", show=False),
        Binding("k", "scroll('up')", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help"):
            yield Static(HELP_TEXT, markup=False)
            yield Static("SAFETY", classes="panel-title", markup=False)
            yield Static(SAFETY_NOTE, markup=False)
        yield Footer()

    def action_scroll(self, direction: str) -> None:
        scroller = self.query_one("#help", VerticalScroll)
        if direction == "down":
            scroller.scroll_down()
        else:
            scroller.scroll_up()

    def action_back(self) -> None:
        self.dismiss(None)
