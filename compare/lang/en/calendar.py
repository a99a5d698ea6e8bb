"""Month and weekday names as news copy writes them, with their abbreviations."""

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
# Words a stamp line may carry besides the date itself ("Published: 15:09 JST, ...", "Updated ...").
STAMP_WORDS = frozenset({
    "published", "updated", "posted", "last", "modified", "on", "at", "date", "time", "am", "pm", "a.m", "p.m",
    "a.m.", "p.m.", "gmt", "utc", "local",
})  # fmt: skip
