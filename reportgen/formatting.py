"""Money, numbers and dates as UK councils write them (en_GB).

Every function here is pure and takes plain Python values, so templates and checks can call
them freely; this module deliberately does not import pandas. Choices made once for the whole
project:

* Rounding is **half-up** (halves go away from zero, so ``-£0.5k`` and ``£0.5k`` round alike),
  never Python's banker's rounding: finance readers expect £2,500 to be "£3k". Amounts are read
  through their shortest decimal form, so ``2.675`` rounds to ``2.68`` as a person would expect.
* Negative money in prose is ``-£437k`` (a hyphen-minus before the pound sign); in table cells
  it is in brackets, ``(80)``, as in council finance tables.
* An exact zero in a table cell is shown as ``-`` (nil, common finance style); a non-zero amount
  that rounds to nothing is shown as ``0`` so a reader can tell "nothing" from "very little".
* Percentages take a **fraction**: ``percent(0.768) == "77%"``.
* Numbers one to nine may be written as words (``words=True``), as most council style guides ask.

Dates use the ``en_GB`` day and month names (English, as CLDR gives them: the test holds them
to babel's ``en_GB`` output), written out here rather than looked up: loading babel's locale
data cost a render about 15 ms of processor time for twelve month and seven day names.
Numbers are grouped with commas, which is what ``en_GB`` uses; Python's own formatting does
this without a locale lookup.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from reportgen.errors import ReportgenError

LOCALE = "en_GB"
#: CLDR's en_GB wide month and weekday names (``MMMM`` and ``EEEE``); not ``calendar``'s, which
#: follow the process's locale.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

MONEY_STYLES = ("full", "pence", "k", "m", "auto")
TABLE_UNITS = ("£", "£000s")
DATE_STYLES = ("plain", "ordinal", "weekday", "weekday_ordinal", "ordinal_comma", "dotted",
               "slashed", "short", "capitals")

_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

Amount = float | int | Decimal


def _decimal(value: object, what: str = "amount") -> Decimal:
    """``value`` as a finite Decimal, via its shortest decimal form (so 2.675 stays 2.675)."""
    if isinstance(value, bool) or value is None:
        raise ReportgenError(f"cannot format {what} {value!r}: expected a number")
    try:
        if isinstance(value, Decimal):
            result = value
        elif isinstance(value, int):
            result = Decimal(value)
        else:
            result = Decimal(repr(float(value)))  # type: ignore[arg-type]
    except (TypeError, ValueError, InvalidOperation):
        raise ReportgenError(f"cannot format {what} {value!r}: expected a number") from None
    if not result.is_finite():
        raise ReportgenError(f"cannot format {what} {value!r}: it is missing or not finite")
    return result


def _round(value: Decimal, places: int = 0) -> Decimal:
    """Round half away from zero to ``places`` decimal places."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _grouped(value: Decimal, places: int = 0) -> str:
    """``1234567.8`` → ``"1,234,567.80"`` (sign kept, value already rounded)."""
    return f"{value:,.{places}f}"


def _signed(negative: bool, text: str) -> str:
    return f"-{text}" if negative else text


def thousands(amount: Amount) -> int:
    """Whole thousands of pounds, rounded half-up: 2,786,300 → 2786; 2,500 → 3; -80,174 → -80."""
    return int(_round(_decimal(amount) / 1000))


def money(amount: Amount, style: str = "full", places: int | None = None) -> str:
    """Money for prose, e.g. ``money(437_000, "k") == "£437k"``.

    Styles: ``full`` "£2,786,300" (whole pounds); ``pence`` "£1,234.56"; ``k`` "£437k" (whole
    thousands, still in k above £1m: "£1,250k"); ``m`` "£7.9m" (one decimal place, a trailing
    ".0" dropped: "£12m"); ``auto`` picks ``full`` below £1,000, ``k`` below £1m and ``m`` above,
    judged on the rounded figure so £999,600 reads "£1m", not "£1,000k".
    Negative amounts read "-£437k"; an amount that rounds to nothing has no sign.

    ``places`` fixes the decimal places of the ``k`` and ``m`` styles (0 to 3), so a figure
    can be printed at the precision a sentence states it: ``money(8_862_400, "m", 3)`` is
    "£8.862m" and ``money(240_000, "m", 2)`` "£0.24m" (trailing zeros kept).
    """
    value = _decimal(amount)
    if places is not None and (style not in ("k", "m") or not 0 <= places <= 3):
        raise ReportgenError(
            f"money places {places!r}: expected 0 to 3 with the 'k' or 'm' style")
    negative = value < 0
    size = abs(value)
    if style == "auto":
        if _round(size) < 1000:
            style = "full"
        elif _round(size / 1000) < 1000:
            style = "k"
        else:
            style = "m"
    if style == "full":
        rounded = _round(size)
        text = f"£{_grouped(rounded)}"
    elif style == "pence":
        rounded = _round(size, 2)
        text = f"£{_grouped(rounded, 2)}"
    elif style == "k":
        rounded = _round(size / 1000, places or 0)
        text = f"£{_grouped(rounded, places or 0)}k"
    elif style == "m" and places is not None:
        rounded = _round(size / 1_000_000, places)
        text = f"£{_grouped(rounded, places)}m"
    elif style == "m":
        rounded = _round(size / 1_000_000, 1)
        shown = 0 if rounded == rounded.to_integral_value() else 1
        text = f"£{_grouped(rounded, shown)}m"
    else:
        raise ReportgenError(
            f"unknown money style '{style}': expected one of {', '.join(MONEY_STYLES)}"
        )
    return _signed(negative and rounded != 0, text)


def money_table(amount: Amount, unit: str = "£000s") -> str:
    """A money table cell: no £ sign, negatives in brackets, an exact zero as ``-``.

    ``unit="£000s"``: whole thousands, 2,786,300 → "2,786", -80,174 → "(80)".
    ``unit="£"``: whole pounds, 2,786,300 → "2,786,300", -80,174 → "(80,174)".
    A non-zero amount that rounds to nothing shows as "0" (never "(0)").
    """
    value = _decimal(amount)
    if unit == "£000s":
        rounded = _round(abs(value) / 1000)
    elif unit == "£":
        rounded = _round(abs(value))
    else:
        raise ReportgenError(
            f"unknown table unit '{unit}': expected one of {', '.join(TABLE_UNITS)}"
        )
    if value == 0:
        return "-"
    text = _grouped(rounded)
    return f"({text})" if value < 0 and rounded != 0 else text


def number(n: Amount, places: int = 0) -> str:
    """A number with thousands separators, rounded half-up: 1234 → "1,234"."""
    if places < 0:
        raise ReportgenError(f"cannot show {places} decimal places: expected 0 or more")
    rounded = _round(_decimal(n, "number"), places)
    if rounded == 0:
        rounded = abs(rounded)  # never "-0"
    return _grouped(rounded, places)


def percent(fraction: Amount, places: int = 0) -> str:
    """A fraction as a percentage, rounded half-up: 0.768 → "77%"; places=1 → "76.8%"."""
    return f"{number(_decimal(fraction, 'percentage') * 100, places)}%"


def plural(n: int, singular: str, plural: str | None = None, words: bool = False) -> str:
    """A count and its noun: "1 placement", "3 placements", "2 children".

    ``plural`` defaults to ``singular + "s"``. With ``words=True`` one to nine are written as
    words ("three placements"), as UK style guides ask; other counts stay as figures.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise ReportgenError(
            f"cannot count {n!r} {plural or singular + 's'}: expected a whole number"
        )
    noun = singular if n == 1 else (plural if plural is not None else singular + "s")
    count = _NUMBER_WORDS[n - 1] if words and 1 <= n <= 9 else f"{n:,}"
    return f"{count} {noun}"


def variance_word(variance: Amount) -> str:
    """Return "overspend" above zero, "underspend" below zero, "on budget" at exactly zero."""
    value = _decimal(variance, "variance")
    if value > 0:
        return "overspend"
    if value < 0:
        return "underspend"
    return "on budget"


def variance_phrase(variance: Amount, style: str = "auto") -> str:
    """A variance in words: "an overspend of £673k", "an underspend of £12k", "a balanced position".

    ``variance`` is projected spend minus budget. If the chosen style would show the amount as
    nothing (£300 in ``k`` style is "£0k") the amount is given in whole pounds instead; only a
    variance under 50p is called "a balanced position".
    """
    value = _decimal(variance, "variance")
    size = abs(value)
    amount = money(size, style)
    if _round(size) == 0:
        return "a balanced position"
    if amount in ("£0", "£0k", "£0m"):
        amount = money(size, "full")
    return f"an {variance_word(value)} of {amount}"


def change_phrase(change: object, style: str = "auto", since: str | None = None) -> str:
    """A change since the previous period in words: "up £120k since 2016/17 Q1".

    ``change`` is a :class:`reportgen.metrics.Change` (its ``difference`` and ``since`` are
    used) or a plain difference with ``since`` given. A fall reads "down £12k since …", and a
    change under 50p "unchanged since …". As in :func:`variance_phrase`, an amount the style
    would show as nothing is given in whole pounds. Without a period it ends at the amount.
    """
    if change is None:
        raise ReportgenError(
            "no figure for the previous period to compare with: guard the sentence with "
            "{% if changes.NAME %}…{% endif %}")
    difference = getattr(change, "difference", change)
    label = since if since is not None else getattr(change, "since", None)
    value = _decimal(difference, "change")
    size = abs(value)
    tail = f" since {label}" if label else ""
    if _round(size) == 0:
        return f"unchanged{tail}"
    amount = money(size, style)
    if amount in ("£0", "£0k", "£0m"):
        amount = money(size, "full")
    return f"{'up' if value > 0 else 'down'} {amount}{tail}"


def ordinal(n: int) -> str:
    """1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd", 113 → "113th"."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise ReportgenError(f"cannot make an ordinal of {n!r}: expected a whole number")
    last_two = abs(n) % 100
    suffix = "th" if 11 <= last_two <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(abs(n) % 10, "th")
    return f"{n}{suffix}"


def letter_label(n: int) -> str:
    """1 → "A", 26 → "Z", 27 → "AA": appendix and recommendation letters."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ReportgenError(f"cannot letter {n!r}: expected a whole number from 1")
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("A") + rest) + out
    return out


def _date(d: object) -> date:
    """``d`` as a plain date; datetimes (and pandas Timestamps) lose their time."""
    # NaT is a datetime subclass that is unequal to itself: treat it as missing.
    if not isinstance(d, date) or d != d:
        raise ReportgenError(f"cannot format date {d!r}: expected a date")
    return d.date() if isinstance(d, datetime) else d


def long_date(d: date, style: str = "plain") -> str:
    """A date for print, in one of :data:`DATE_STYLES`.

    ``plain`` "25 October 2016"; ``ordinal`` "15th October 2010"; ``weekday`` "Thursday 29
    November 2018"; ``weekday_ordinal`` "Friday 15th October 2010"; ``ordinal_comma``
    "5th January, 2015"; ``dotted`` "12.02.2021"; ``slashed`` "12/02/2021"; ``short``
    "13/10/16" (as clearance boxes write it); ``capitals`` "25 OCTOBER 2016".
    """
    day = _date(d)
    if style not in DATE_STYLES:
        raise ReportgenError(
            f"unknown date style '{style}': expected one of {', '.join(DATE_STYLES)}"
        )
    if style == "dotted":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if style == "slashed":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style == "short":
        return short_date(day)
    if style == "capitals":
        return long_date(day, "plain").upper()
    month = MONTH_NAMES[day.month - 1]
    day_text = ordinal(day.day) if "ordinal" in style else str(day.day)
    comma = "," if style == "ordinal_comma" else ""
    text = f"{day_text} {month}{comma} {day.year}"
    if style.startswith("weekday"):
        text = f"{WEEKDAY_NAMES[day.weekday()]} {text}"
    return text


def short_date(d: date) -> str:
    """A compact date as in report clearance blocks: "13/10/16"."""
    day = _date(d)
    return f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}"


def listed(items: list[str] | tuple[str, ...], form: str = "commas") -> str:
    """Items as one text, the way a form lists them in a single place (a details cell):
    ``commas`` "A, B"; ``lines`` "A" and "B" on lines of their own; ``numbered`` "1. A" and
    "2. B" on lines of their own (a new line prints as a line break in Word)."""
    texts = [" ".join(str(item).split()) for item in items]
    if form == "commas":
        return ", ".join(texts)
    if form == "lines":
        return "\n".join(texts)
    if form == "numbered":
        return "\n".join(f"{n}. {text}" for n, text in enumerate(texts, start=1))
    raise ReportgenError(f"unknown list form '{form}': expected commas, lines or numbered")
