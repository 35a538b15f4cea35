# Index the bundled corpus, then search, show, cite and count it; errors get
# one line and a documented exit status (docs/cli.md).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/db"
out="$tmp/out"
# Progress lines go to stderr and depend on timing: `quiet` keeps stdout only.
run() { both=1 each "$@"; }
quiet() { both=0 each "$@"; }
each() {
  if [ "$both" = 1 ]; then "$@" >"$out" 2>&1; else "$@" >"$out" 2>/dev/null; fi
  local status=$?
  sed -e "s|$tmp|TMP|g" -e 's/ in [0-9.]* s$/ in T s/' -e 's/"bytes":[0-9]*/"bytes":N/' \
    -e 's/"score":[0-9.e-]*/"score":S/g' -e 's/^size: .*/size: N/' "$out"
  echo "exit: $status"
}
quiet "$CABLE" index --db "$db" corpus/
quiet "$CABLE" index --db "$db" corpus/
run "$CABLE" search --db "$db" tag:SMIG
# A tag by its meaning (the glossary, issue #24); an unknown code's nearest.
run "$CABLE" search --db "$db" --limit 0 'tag:"trafficking in persons"'
run "$CABLE" search --db "$db" --limit 0 --json --facets tag tag:migration
run "$CABLE" search --db "$db" --limit 0 tag:KTPI
run "$CABLE" tags --db "$db"
run "$CABLE" tags --db "$db" --json trafficking
run "$CABLE" tags --db "$db" "no such meaning"
printf 'KTIP\tprogram\tHuman Trafficking\nAT\tgeo\tAtlantis\n' >"$tmp/glossary.tsv"
CABLE_GLOSSARY="$tmp/glossary.tsv" run "$CABLE" search --db "$db" --limit 0 --facets tag tag:atlantis
printf 'KTIP Human Trafficking\n' >"$tmp/bad.tsv"
run "$CABLE" tags --db "$db" --glossary "$tmp/bad.tsv"
run "$CABLE" search --db "$db" --limit 2 --facets tag,year trafficking
run "$CABLE" search --db "$db" --json --limit 1 --facets class '"domestic workers"'
run "$CABLE" search --db "$db" --paragraphs --limit 3 --sort -date origin:atlantis
run "$CABLE" search --db "$db" traficking
run "$CABLE" search --db "$db" 'date:2009..2008'
run "$CABLE" search --db "$db" 'tag:KTIP "forced labour'
run "$CABLE" search --db "$db" colour:red
run "$CABLE" search --db "$tmp/none" anything
run "$CABLE" show --db "$db" 08ATLANTIS77
run "$CABLE" show --db "$db" 99NOWHERE1
run "$CABLE" cited-by --db "$db" 09STATE132759
run "$CABLE" cited-by --db "$db" --json 09STATE132759
run "$CABLE" stats --db "$db"
run "$CABLE" stats --db "$db" --json
quiet "$CABLE" index --db "$db" tests/cli/data/not-a-cable.txt
"$CABLE" search --help | head -n 1
