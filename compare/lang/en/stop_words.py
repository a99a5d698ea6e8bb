"""Function words: they say nothing about which claim a sentence makes, or which thing a headline names."""

# General English function words. Negation words are here too: matching decides "same subject", and the
# judge checks polarity on the raw text afterwards.
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren as at be because been before being below
    between both but by can cannot could couldn did didn do does doesn doing don down during each either else
    ever few for from further had hadn has hasn have haven having he her here hers herself him himself his how i
    if in into is isn it its itself just let me mine more most must mustn my myself neither no nor not now of off
    on once only or other ought our ours ourselves out over own same shall shan she should shouldn so some such
    than that the their theirs them themselves then there these they this those through to too under until up
    upon us very was wasn we were weren what when where whether which while who whom whose why will with won
    would wouldn yet you your yours yourself yourselves s t d ll m re ve o y quot""".split()
)
# Small words that headline case leaves in lower case ("Talks in Oslo End Without a Deal").
HEADLINE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or over per the to up via vs with without is are was be "
    "who its it his her their than that this".split()
)
# Small words an acronym usually skips: "Group of Seven" -> G7, "Acquisition and Sustainment" -> AS.
ACRONYM_SKIPPABLE = frozenset({"of", "and", "the", "for", "on", "in", "to", "at", "de", "du", "des", "la", "le"})
