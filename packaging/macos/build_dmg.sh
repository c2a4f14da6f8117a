#!/usr/bin/env bash
# Build Byline's macOS disk image: packaging/dist/Byline-<version>.dmg
#
#   packaging/macos/build_dmg.sh
#
# Needs Byline installed with its "packaging" extra and dmgbuild in the Python it runs
# (PYTHON, default python3): pip install -e ".[packaging]" dmgbuild
# The app is not signed or notarised: on first start, Control-click it and choose Open.
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}

"$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath packaging/build/dist --workpath packaging/build/work packaging/byline.spec
name=$("$PYTHON" packaging/metadata.py name)
version=$("$PYTHON" packaging/metadata.py version)
app="packaging/build/dist/$name.app"
mkdir -p packaging/dist
dmg="packaging/dist/$name-$version.dmg"
rm -f "$dmg"
"$PYTHON" -m dmgbuild -s packaging/macos/dmg_settings.py -D app="$app" "$name" "$dmg"
echo "$dmg"
