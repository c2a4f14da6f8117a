#!/usr/bin/env bash
# Build Byline's Debian package: packaging/dist/byline_<version>_<arch>.deb
#
#   packaging/linux/build_deb.sh
#
# Needs Byline installed with its "packaging" extra in the Python it runs (PYTHON, default
# .venv/bin/python, else python3) and dpkg-deb. Installs the one-folder bundle under /opt/byline,
# the command /usr/bin/byline, a menu entry that file managers offer as "Open with Byline" for
# every format Byline reads, and the icon in the hicolor theme. Set SKIP_PYINSTALLER=1 to
# package an existing packaging/build/dist/byline (when only the packaging changed).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is missing (apt-get install dpkg)" >&2; exit 1; }

meta() { "$PYTHON" packaging/metadata.py "$1"; }
name=$(meta executable)
app_id=$(meta id)
version=$(meta debian-version)
arch=$(dpkg --print-architecture)
build=$(meta build-dir)
dist=$(meta dist-dir)

if [ "${SKIP_PYINSTALLER:-0}" != 1 ]; then
    "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
        --distpath "$build/dist" --workpath "$build/work" packaging/byline.spec
fi
bundle="$build/dist/$name"
[ -x "$bundle/$name" ] || { echo "No bundle at $bundle; run without SKIP_PYINSTALLER" >&2; exit 1; }

root="$build/deb/root"
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/$name"
cp -a "$bundle" "$root/opt/$name"
# The bootloader finds _internal/ through /proc/self/exe, so a symlink is launcher enough.
ln -s "/opt/$name/$name" "$root/usr/bin/$name"

meta desktop-entry | sed "s/^Icon=.*/Icon=$app_id/" > "$root/usr/share/applications/$app_id.desktop"
cp resources/byline.svg "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$build"/icons/png/*.png; do
    size=$(basename "$png" .png)
    mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
cat > "$root/usr/share/doc/$name/copyright" <<EOF
Byline $(meta version): $(meta summary).
License: MIT. The bundle under /opt/$name also holds Python, Qt (LGPLv3, via PySide6) and the
Python libraries listed in /opt/$name/_internal/*.dist-info, each under its own licence.
EOF

# The bundle carries its own Python and Qt. What it takes from the system: the C library of
# the build machine or newer, the graphics stack (EGL/GL), the X client library and the XKB,
# cursor, font and D-Bus libraries that Qt's X11 plugin needs. Wayland's client libraries only
# serve Qt's Wayland plugin (without them Qt runs through XWayland), so they are recommended.
glibc=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
depends="libc6 (>= $glibc), libegl1, libgl1, libxcb1, libxcb-cursor0, libxkbcommon0,"
depends+=" libxkbcommon-x11-0, libfontconfig1, libfreetype6, libdbus-1-3"
recommends="libwayland-client0, libwayland-cursor0, fonts-dejavu-core | fonts-liberation2"

# Package files are root's; strip group/other write bits a developer's umask may have left.
chmod -R u+rwX,go+rX,go-w "$root"
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: $arch
Maintainer: $(meta publisher) <maintainers@byline.invalid>
Installed-Size: $installed_kb
Depends: $depends
Recommends: $recommends
Section: text
Priority: optional
Description: $(meta summary)
 $(meta description)
EOF
# Refresh the menu and icon caches where the tools exist (they are absent on minimal systems).
for script in postinst postrm; do
    cat > "$root/DEBIAN/$script" <<'EOF'
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
EOF
    chmod 0755 "$root/DEBIAN/$script"
done

mkdir -p "$dist"
deb="$dist/${name}_${version}_${arch}.deb"
# xz keeps the download small; the default level packs within a few percent of the highest.
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
