"""Target periods (dates) against the month labels of a run."""
import calendar
import datetime


def months_in(d0, d1) -> float:
    """The number of months from D0 to D1 inclusive; partial months count by their share of days."""
    total, year, mon = 0.0, d0.year, d0.month
    while (year, mon) <= (d1.year, d1.month):
        ndays = calendar.monthrange(year, mon)[1]
        lo, hi = max(d0, datetime.date(year, mon, 1)), min(d1, datetime.date(year, mon, ndays))
        total += ((hi - lo).days + 1) / ndays
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return total


def month_span(months, start, end):
    """(first index, last index) in MONTHS (YYYY-MM) of the period START..END (YYYY-MM-DD), and the
    length of the whole period in months. None if the period is unreadable or outside MONTHS."""
    try:
        d0, d1 = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
        inside = [i for i, m in enumerate(months)
                  if (d0.year, d0.month) <= (int(m[:4]), int(m[5:7])) <= (d1.year, d1.month)]
    except ValueError:
        return None
    return (inside[0], inside[-1], months_in(d0, d1)) if inside and d1 >= d0 else None


def period_label(start, end) -> str:
    """'Jan–Oct 2025' for whole months, else the dates."""
    try:
        d0, d1 = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    except ValueError:
        return f"{start} to {end}"
    if d0.day != 1 or d1.day != calendar.monthrange(d1.year, d1.month)[1]:
        return f"{d0} to {d1}"
    if (d0.year, d0.month) == (d1.year, d1.month):
        return f"{d0:%b %Y}"
    return f"{d0:%b}–{d1:%b %Y}" if d0.year == d1.year else f"{d0:%b %Y}–{d1:%b %Y}"
