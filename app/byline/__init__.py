"""Byline: an offline reading app for journalists."""

APP_NAME = "Byline"
APP_ID = "org.byline.Byline"


def __getattr__(name: str) -> str:
    # ``byline.__version__`` is looked up when first asked for: importlib.metadata takes ~20 ms
    # to import, and starting the window never needs the version.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("byline")
        except PackageNotFoundError:  # running from a source tree that was never installed
            found = "0.0.0+source"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module 'byline' has no attribute {name!r}")
