"""Qt draws the icon set headless here (set before anything imports Qt); the installed app the
package test starts gets a real X server of its own instead."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
