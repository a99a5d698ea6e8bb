"""Number words and ordinal words."""

# Cardinals as words, to their digits: zero to twenty, then the tens.
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
ORDINAL_WORDS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip
# Units of a length of time, each to its scale and its size on that scale: lengths on one scale compare whatever
# unit they are written in ("one hour and 40 minutes" = "100 minutes"; "24 hours" = "a day"). Months and years
# have no fixed number of days, so they keep a scale of their own. The first unit listed of each size names it.
TIME_UNITS = {
    "minute": ("min", 1), "minutes": ("min", 1), "min": ("min", 1), "mins": ("min", 1),
    "hour": ("min", 60), "hours": ("min", 60), "hr": ("min", 60), "hrs": ("min", 60),
    "day": ("min", 1440), "days": ("min", 1440), "week": ("min", 10080), "weeks": ("min", 10080),
    "month": ("month", 1), "months": ("month", 1), "year": ("month", 12), "years": ("month", 12),
    "decade": ("month", 120), "decades": ("month", 120),
}  # fmt: skip
