"""Values in messages: huge numbers said in words without converting them to text, text quoted
and escaped onto one line, and an error's own text that fails to print."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, time

import pytest

from psoas_tui.textfile.problems import describe_error
from psoas_tui.textfile.shown import digit_count, quoted, shown_int, shown_value, visible


@pytest.mark.parametrize("digits", [1, 19, 20, 21, 300, 308, 309, 4300, 4301, 5001, 100_000])
def test_digit_count_is_exact_around_powers_of_ten(digits: int) -> None:
    for number in (10 ** (digits - 1), 10**digits - 1, 2 * 10 ** (digits - 1) + 7):
        assert digit_count(number) == digits
        assert digit_count(-number) == digits
    assert digit_count(10**digits) == digits + 1


def test_digit_count_agrees_with_str_for_every_power_of_two() -> None:
    for bits in range(0, 4000, 7):
        number = 2**bits
        assert digit_count(number) == len(str(number))
        assert digit_count(number - 1 or 1) == len(str(number - 1 or 1))


def test_a_number_beyond_64_bits_is_said_in_words() -> None:
    assert shown_int(2**63) == "9223372036854775808"
    assert shown_int(-(2**64) + 1) == "-18446744073709551615"
    assert shown_int(2**64) == "a number with 20 digits"
    assert shown_int(-(10**5000)) == "a negative number with 5001 digits"
    huge = int("f" * 250_000, 16)  # ~300,000 digits: str() would be refused (and slow)
    assert shown_int(huge) == "a number with 301030 digits"


def test_values_read_as_toml_writes_them() -> None:
    assert shown_value(10**5000) == "a number with 5001 digits"
    assert [shown_value(v) for v in (True, 1.5, float("inf"), float("nan"), -0.0)] == [
        "true",
        "1.5",
        "inf",
        "nan",
        "-0.0",
    ]
    assert shown_value(1e308) == "1e+308"
    assert shown_value(date(1979, 5, 27)) == "1979-05-27"
    assert shown_value(datetime(1979, 5, 27, 7, 32, tzinfo=UTC)) == ("1979-05-27T07:32:00+00:00")
    assert shown_value(time(7, 32)) == "07:32:00"
    assert (shown_value({}), shown_value([1])) == ("a table", "a list")


def test_text_is_quoted_on_one_line_and_cut_short() -> None:
    assert quoted('say "hi"\\') == '"say \\"hi\\"\\\\"'
    separators = "a\nb\rc\x0bd\x0ce\x1cf\x1dg\x1eh\x85i\u2028j\u2029k\x00l\u202em"
    shown = quoted(separators)
    assert len(shown.splitlines()) == 1
    assert shown == (
        '"a\\nb\\rc\\u000bd\\fe\\u001cf\\u001dg\\u001eh\\u0085i\\u2028j\\u2029k\\u0000l\\u202em"'
    )
    assert quoted("x" * 1000) == '"' + "x" * 37 + '…"'
    assert visible('"hold\u2028seconds"') == '"hold\\u2028seconds"'


def test_describing_an_error_never_raises_and_stays_on_one_line() -> None:
    class Unprintable(Exception):
        def __str__(self) -> str:
            return str(10 ** (sys.get_int_max_str_digits() + 1))

    assert describe_error(Unprintable()) == "Unprintable"
    assert describe_error(ValueError("two\nlines\u2028here")) == "ValueError: two lines here"
    assert describe_error(ValueError("x" * 500)) == "ValueError: " + "x" * 197 + "…"
    assert describe_error(KeyError("a\x1bb")) == "KeyError: 'a\\x1bb'"
    assert describe_error(ValueError('a "quoted"\x1b[2J')) == 'ValueError: a "quoted"\\u001b[2J'
