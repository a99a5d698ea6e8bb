"""English: the words crosscheck's rules read, kept apart from the rules (see compare.lang.Lexicon)."""
