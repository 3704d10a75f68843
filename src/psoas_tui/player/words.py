"""Numbers and durations in words, for the voice: 45 → "forty-five", 90 s → "one minute thirty
seconds"."""

from __future__ import annotations

_UNITS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS = ["-", "-", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(number: int) -> str:
    """A whole number in English words ("forty-five", "one hundred and five"); digits from a
    million up (a speech engine reads those well enough)."""
    if number < 0:
        return f"minus {number_words(-number)}"
    if number < 20:
        return _UNITS[number]
    if number < 100:
        tens, units = divmod(number, 10)
        return _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        return f"{_UNITS[hundreds]} hundred" + (f" and {number_words(rest)}" if rest else "")
    if number < 1_000_000:
        thousands, rest = divmod(number, 1000)
        joiner = " and " if 0 < rest < 100 else " "
        return f"{number_words(thousands)} thousand" + (
            f"{joiner}{number_words(rest)}" if rest else ""
        )
    return str(number)


def counted(number: int, noun: str) -> str:
    """ "one rep", "twelve reps"."""
    return f"{number_words(number)} {noun}{'' if number == 1 else 's'}"


def duration_words(seconds: float) -> str:
    """ "forty-five seconds", "one minute", "two minutes thirty seconds" (rounded to a second)."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return counted(rest, "second")
    if not rest:
        return counted(minutes, "minute")
    return f"{counted(minutes, 'minute')} {counted(rest, 'second')}"


def sentence(text: str) -> str:
    """`text` with a capital first letter."""
    return text[:1].upper() + text[1:]
