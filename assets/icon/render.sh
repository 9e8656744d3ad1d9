#!/usr/bin/env bash
# Remakes the PNG icons from regio-in-beeld.svg (needs rsvg-convert, Debian package librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" regio-in-beeld.svg --output "regio-in-beeld-$size.png"
done
