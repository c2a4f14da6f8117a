"""Byline: an offline reading app for journalists."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("byline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "Byline"
APP_ID = "org.byline.Byline"
