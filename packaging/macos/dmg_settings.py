"""dmgbuild settings for Byline's macOS disk image: the app beside a link to Applications, so
installing is one drag. dmgbuild runs this file with ``defines`` (from its -D options) in scope:

    dmgbuild -s packaging/macos/dmg_settings.py -D app=packaging/build/dist/Byline.app \\
        "Byline" packaging/dist/Byline-<version>.dmg

packaging/macos/build_dmg.sh runs exactly that after building the app.
"""

import os.path

defines: dict[str, str] = globals().get("defines", {})

application = defines.get("app", "packaging/build/dist/Byline.app")
app_name = os.path.basename(application)

format = "UDZO"  # dmgbuild reads these names; "format" shadows the builtin on purpose
filesystem = "HFS+"
files = [application]
symlinks = {"Applications": "/Applications"}
icon = defines.get("icon", os.path.join(application, "Contents", "Resources", "byline.icns"))

window_rect = ((200, 120), (560, 320))
default_view = "icon-view"
show_status_bar = False
show_toolbar = False
show_sidebar = False
icon_size = 112
text_size = 13
icon_locations = {app_name: (150, 140), "Applications": (410, 140)}
