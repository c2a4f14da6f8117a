"""Errors a user can cause, each carrying a message a journalist understands."""


class BylineError(Exception):
    """Base for every error that is shown to the user as it is."""


class ImportFailure(BylineError):
    """A file could not be turned into a document; the message says why, in one line."""


class LibraryError(BylineError):
    """The library file cannot be opened, read or written."""


class NotFound(BylineError):
    """A document, highlight or other record asked for does not exist."""
