#!/usr/bin/env bash
# Regenerates the card pictures in docs/ from the sample workbook, with the current templates:
# npm run build && bash scripts/card-pictures.sh. Look at every picture before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
book=samples/示例台账.xlsx
# The sample has five rows typed wrong on purpose: exit 1 is its expected status.
twelve() { node bin/twelve.js "$@" >/dev/null || [ $? -eq 1 ]; }
twelve notices "$book" --as-of 2026-11-24 --out "$tmp"
twelve quarterly "$book" --quarter 2026Q3 --out "$tmp"
twelve ranking "$book" --month 2026-11 --out "$tmp"
picture() { pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$1" "docs/$2"; }
# 诫勉谈话: 9 points, 警示党员, the one action it calls for.
picture "$tmp/记分告知卡/记分告知卡-DY015-尹岚宁-2026-05-14-26.pdf" cards-notice
# A reward that cancels the last points: 记分已全部销除.
picture "$tmp/记分告知卡/记分告知卡-DY003-顾斌亮-2026-04-18-23.pdf" cards-notice-reward
picture "$tmp/记分汇总公示卡-2026Q3-内部公示.pdf" cards-quarterly-internal
picture "$tmp/记分汇总公示卡-2026Q3-报上级.pdf" cards-quarterly-upward
picture "$tmp/积分榜单-2026-11.pdf" cards-ranking
echo "docs/cards-*.png regenerated"
