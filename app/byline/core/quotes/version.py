"""The quote extractor's version, apart from the extractor: showing quotes already cached (the
window's start) then does not load the extractor, whose patterns take ~20 ms to compile."""

# Bump whenever the output for some text can change: cached quotes are keyed by it.
EXTRACTOR_VERSION = "0.30"
