#!/usr/bin/env bash
# Renders the PNG sizes of the icons from their SVG sources (run after editing an SVG). The PNGs
# are committed: Qt needs the qt6-svg plugins to draw an SVG icon, which not every system has.
set -euo pipefail
cd "$(dirname "$0")"
for svg in corslab.svg application-x-corslab-profile.svg; do
    for size in 16 32 48 64 128 256; do
        convert -background none -density 384 "$svg" -resize "${size}x${size}" \
            "png/${svg%.svg}-${size}.png"
    done
done
